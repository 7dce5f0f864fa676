package dev.roleusage.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.roleusage.contract.ContractCase;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code roleusage serve --port 0} answers the shared contract cases (every inline case and the real
 * LANL data set) over real HTTP, on memory, H2 and PostgreSQL, cache on and off. Expected answers:
 * the status of every request was worked out by hand from CONTRACT.md (below); every 200 body and
 * total comes from {@link NaiveOracle}; the case file's hand-worked {@code expect} parts are checked
 * too; and all six configurations must give the same status, headers and bytes (trackingId aside).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ServeIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern TRACKING = Pattern.compile("\"trackingId\":\"[0-9a-f]{32}\"");
  private static final Pattern PATH = Pattern.compile(
      "^(?:/(?:beta|v2024|v2025|v2026))?/role-mining-potential-roles/(?:v1/)?([^/]+)/sources/([^/]+)/identityUsage$");
  private static final String PG_SCHEMA = "cli_serve_it";

  /** Status of each request of each case, worked out by hand from CONTRACT.md §1, §4. */
  private static final Map<String, int[]> STATUS = Map.of(
      "paging-and-count", repeat(200, 9),
      "ties-are-broken-by-id", repeat(200, 6),
      "case-insensitive-order", repeat(200, 4),
      "missing-email-omitted-and-last", repeat(200, 5),
      // limit=251 250 -1 abc '' | offset=-1 2^31 2^31-1 1.5 | count=yes false | sorters=name - a,,b a,-a a,
      // a,b ' a , -u ' '' DisplayName | limit twice | unknown parameter
      "parameter-validation", new int[] {400, 200, 400, 400, 400, 400, 400, 200, 400, 400, 200, 400, 400, 400, 400,
          400, 200, 200, 200, 400, 400, 200},
      // header missing, 'false', lower-case name with 'TRUE'
      "experimental-header", new int[] {400, 400, 200},
      "window-ends", new int[] {200},
      // empty role, unknown role, unknown source, known unused source, /v1/ layout, 129-char id, /v2025,
      // /v2024, /beta without header, /v2024 without header, pr%2Fx (a valid id no role has)
      "not-found-and-empty-role", new int[] {200, 404, 404, 200, 200, 400, 200, 200, 200, 400, 404},
      "real-lanl-redteam", repeat(200, 6));

  /** What the first configuration answered, to hold the others to. */
  private static final Map<String, String> FIRST = new ConcurrentHashMap<>();

  @TempDir static Path work;

  static Stream<Arguments> configurations() {
    return Stream.of(
        Arguments.of("memory", "cache"), Arguments.of("memory", "no-cache"),
        Arguments.of("h2", "cache"), Arguments.of("h2", "no-cache"),
        Arguments.of("postgresql", "cache"), Arguments.of("postgresql", "no-cache"));
  }

  static List<ContractCase> cases() {
    return ContractCase.loadAll().stream().filter(c -> STATUS.containsKey(c.name())).toList();
  }

  @BeforeAll
  static void freshPostgresSchema() throws SQLException {
    PostgresSchema.recreate(PG_SCHEMA);
  }

  @AfterAll
  static void dropPostgresSchema() throws SQLException {
    PostgresSchema.drop(PG_SCHEMA);
  }

  private static String storeUrl(String store) {
    switch (store) {
      case "memory": return "memory:";
      case "h2": return "jdbc:h2:file:" + work.resolve("h2").resolve("roleusage").toAbsolutePath();
      case "postgresql":
        return PostgresSchema.storeUrl(PG_SCHEMA);
      default: throw new IllegalArgumentException(store);
    }
  }

  @Order(1)
  @ParameterizedTest(name = "{0}, {1}")
  @MethodSource("configurations")
  void answersTheContractCases(String store, String cache) throws IOException {
    assertThat(cases()).hasSize(STATUS.size());
    for (ContractCase c : cases()) {
      Path folder = c.dataset().orElse(null);
      if (folder == null) {
        folder = work.resolve("cases").resolve(c.name());
        if (!Files.exists(folder)) {
          CaseData.of(c).writeTo(folder);
        }
      }
      // a tenant per case and configuration: H2 and PostgreSQL keep data between servers
      String tenant = c.name() + "-" + cache;
      List<String> args = new ArrayList<>(List.of("serve", "--port", "0", "--store", storeUrl(store), "--tenant",
          tenant, "--load", folder.toString(), "--as-of", c.asOf().toString(), "--zone", c.zone().getId(),
          "--rate-limit", "none"));
      if (cache.equals("no-cache")) {
        args.add("--no-cache");
      }
      NaiveOracle oracle = new NaiveOracle(CaseData.of(c));
      try (ServedJar server = ServedJar.start(work, args)) {
        for (int i = 0; i < c.requests().size(); i++) {
          ContractCase.Request r = c.requests().get(i);
          String where = c.name() + " #" + i + " " + r.target() + " on " + store + ", " + cache;
          RawHttp.Reply reply = RawHttp.get(server.port(), r.target(), r.headers());
          check(where, c, r, reply, STATUS.get(c.name())[i], oracle);
          String canonical = canonical(reply);
          String first = FIRST.putIfAbsent(c.name() + "#" + i, canonical);
          if (first != null) {
            assertThat(canonical).as("same answer as the first configuration: " + where).isEqualTo(first);
          }
        }
      }
    }
  }

  @Order(2)
  @ParameterizedTest(name = "{0}")
  @MethodSource("stores")
  void stopsOnSigterm(String store) {
    ServedJar server = ServedJar.start(work, List.of("serve", "--port", "0", "--store", storeUrl(store),
        "--tenant", "sigterm"));
    RawHttp.Reply reply = RawHttp.get(server.port(), "/role-mining-potential-roles/x/sources/y/identityUsage",
        Map.of("X-SailPoint-Experimental", "true"));
    assertThat(reply.status()).isEqualTo(404);
    server.close();
    assertThat(server.exitCode()).as("SIGTERM exit status").isIn(0, 143);
    assertThat(server.stderr()).contains("stopped");
  }

  @Order(3)
  @org.junit.jupiter.api.Test
  void bearerTokensSelectTheTenantAndScopes() throws IOException {
    Path lanl = dev.roleusage.contract.SharedFolder.resolve("datasets/converted/lanl-redteam");
    String target = "/v2025/role-mining-potential-roles/redteam/sources/C754/identityUsage?count=true&limit=1";
    try (ServedJar server = ServedJar.start(work, List.of("serve", "--port", "0", "--store", "memory:",
        "--tenant", "acme", "--load", lanl.toString(), "--as-of", "2026-01-30",
        "--token", "good=acme:iai:access-modeling:read", "--token", "noscope=acme",
        "--token", "other=globex:iai:access-modeling:manage"))) {
      RawHttp.Reply none = RawHttp.get(server.port(), target, Map.of("X-SailPoint-Experimental", "true"));
      assertThat(none.status()).isEqualTo(401);
      assertThat(JSON.readTree(none.body()).get("error").isTextual()).isTrue();
      assertThat(get(server, target, "Bearer wrong").status()).isEqualTo(401);
      assertThat(get(server, target, "Basic Z29vZA==").status()).isEqualTo(401);
      assertThat(get(server, target, "Bearer noscope").status()).as("no read scope").isEqualTo(403);
      RawHttp.Reply good = get(server, target, "Bearer good");
      assertThat(good.status()).isEqualTo(200);
      assertThat(good.header("X-Total-Count")).isEqualTo("104"); // the LANL role's 104 members
      assertThat(get(server, target, "Bearer other").status()).as("globex has no such role").isEqualTo(404);
    }
  }

  @Order(4)
  @org.junit.jupiter.api.Test
  void theRateLimitAnswers429WithRetryAfter() throws IOException {
    String target = "/role-mining-potential-roles/x/sources/y/identityUsage";
    try (ServedJar server = ServedJar.start(work, List.of("serve", "--port", "0", "--store", "memory:",
        "--rate-limit", "2/60"))) {
      Map<String, String> headers = Map.of("X-SailPoint-Experimental", "true");
      assertThat(RawHttp.get(server.port(), target, headers).status()).isEqualTo(404);
      assertThat(RawHttp.get(server.port(), target, headers).status()).isEqualTo(404);
      RawHttp.Reply limited = RawHttp.get(server.port(), target, headers);
      assertThat(limited.status()).isEqualTo(429);
      assertThat(Integer.parseInt(limited.header("Retry-After"))).isBetween(1, 60);
      assertThat(JSON.readTree(limited.body()).get("message").asText()).isEqualTo(" Rate Limit Exceeded ");
    }
  }

  @Order(5)
  @org.junit.jupiter.api.Test
  void queryPrintsTheBytesServeSends() {
    Path lanl = dev.roleusage.contract.SharedFolder.resolve("datasets/converted/lanl-redteam");
    List<String> common = List.of("--store", "memory:", "--load", lanl.toString(), "--as-of", "2026-01-30T23:00:00Z");
    List<String> serve = new ArrayList<>(List.of("serve", "--port", "0"));
    serve.addAll(common);
    try (ServedJar server = ServedJar.start(work, serve)) {
      RawHttp.Reply reply = RawHttp.get(server.port(),
          "/role-mining-potential-roles/redteam/sources/C754/identityUsage?sorters=-usageCount%2CdisplayName&limit=7",
          Map.of("X-SailPoint-Experimental", "true"));
      List<String> query = new ArrayList<>(List.of("query", "redteam", "C754", "--sorters=-usageCount,displayName",
          "--limit", "7"));
      query.addAll(common);
      Jar.Run run = Jar.run(work, query.toArray(String[]::new));
      assertThat(reply.status()).isEqualTo(200);
      assertThat(run.stdoutBytes()).isEqualTo(reply.body());
    }
  }

  private static RawHttp.Reply get(ServedJar server, String target, String authorization) {
    return RawHttp.get(server.port(), target,
        Map.of("X-SailPoint-Experimental", "true", "Authorization", authorization));
  }

  static Stream<String> stores() {
    return Stream.of("memory", "h2", "postgresql");
  }

  private static void check(String where, ContractCase c, ContractCase.Request r, RawHttp.Reply reply, int status,
      NaiveOracle oracle) throws IOException {
    assertThat(reply.status()).as(where + ": " + reply.bodyText()).isEqualTo(status);
    assertThat(reply.header("Content-Type")).as(where).startsWith("application/json");
    JsonNode body = JSON.readTree(reply.body());
    if (status == 200) {
      Query q = Query.parse(r.target());
      NaiveOracle.Page page = oracle.page(q.role, q.source, q.sorters, q.offset, q.limit, c.asOf(), c.zone());
      assertThat(page).as(where + ": the oracle knows role and source").isNotNull();
      assertThat(JSON.writeValueAsString(body)).as(where).isEqualTo(JSON.writeValueAsString(json(page.rows())));
      if (q.count) {
        assertThat(reply.header("X-Total-Count")).as(where).isEqualTo(String.valueOf(page.total()));
      } else {
        assertThat(reply.header("X-Total-Count")).as(where).isNull();
      }
    } else {
      String detail = status == 400 ? "400.1 Bad Request Content" : "404 Not found";
      assertThat(body.path("detailCode").asText()).as(where).isEqualTo(detail);
      assertThat(body.path("trackingId").asText()).as(where).matches("[0-9a-f]{32}");
      if (status == 400) {
        assertThat(body.path("causes")).as(where + ": one cause, one broken rule").hasSize(1);
      }
    }
    r.expectBody().ifPresent(expected -> assertThat(body).as(where + " (expect.body)").isEqualTo(expected));
    r.expectTotal().ifPresent(total ->
        assertThat(reply.header("X-Total-Count")).as(where + " (expect.total)").isEqualTo(String.valueOf(total)));
  }

  private static ArrayNode json(List<NaiveOracle.Row> rows) {
    ArrayNode array = JSON.createArrayNode();
    for (NaiveOracle.Row row : rows) {
      ObjectNode o = array.addObject();
      o.put("id", row.id());
      if (row.displayName() != null) {
        o.put("displayName", row.displayName());
      }
      if (row.email() != null) {
        o.put("email", row.email());
      }
      o.put("usageCount", row.usageCount());
    }
    return array;
  }

  /** Status, headers but Date (sorted, names lower-cased), body with the trackingId masked. */
  private static String canonical(RawHttp.Reply reply) {
    Map<String, String> headers = new TreeMap<>();
    for (Map.Entry<String, String> h : reply.headers()) {
      String name = h.getKey().toLowerCase(Locale.ROOT);
      if (!name.equals("date")) {
        headers.put(name, h.getValue());
      }
    }
    Matcher m = TRACKING.matcher(reply.bodyText());
    return reply.status() + " " + headers + " " + m.replaceAll("\"trackingId\":\"…\"");
  }

  /** The request parameters of a target this test expects to be valid (plain parsing, no library code). */
  private record Query(String role, String source, List<String> sorters, int offset, int limit, boolean count) {
    static Query parse(String target) {
      int q = target.indexOf('?');
      Matcher m = PATH.matcher(q < 0 ? target : target.substring(0, q));
      assertThat(m.matches()).as(target).isTrue();
      List<String> sorters = List.of();
      int offset = 0;
      int limit = 250;
      boolean count = false;
      if (q >= 0) {
        for (String part : target.substring(q + 1).split("&")) {
          String[] kv = part.split("=", 2);
          String value = URLDecoder.decode(kv.length > 1 ? kv[1] : "", StandardCharsets.UTF_8);
          switch (kv[0]) {
            case "sorters":
              sorters = value.isBlank() ? List.of()
                  : Arrays.stream(value.split(",")).map(String::strip).toList();
              break;
            case "offset": offset = Integer.parseInt(value); break;
            case "limit": limit = Integer.parseInt(value); break;
            case "count": count = value.equalsIgnoreCase("true"); break;
            default: break; // other parameters are ignored
          }
        }
      }
      return new Query(decode(m.group(1)), decode(m.group(2)), sorters, offset, limit, count);
    }

    private static String decode(String segment) {
      return URLDecoder.decode(segment.replace("+", "%2B"), StandardCharsets.UTF_8);
    }
  }

  private static int[] repeat(int status, int n) {
    int[] a = new int[n];
    Arrays.fill(a, status);
    return a;
  }

}
