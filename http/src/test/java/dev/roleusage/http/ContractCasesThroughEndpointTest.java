package dev.roleusage.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.roleusage.RoleUsage;
import dev.roleusage.contract.ContractCase;
import dev.roleusage.contract.ReferenceAnswers;
import dev.roleusage.model.ChangeSet;
import dev.roleusage.model.TenantId;
import dev.roleusage.query.IdentityUsage;
import dev.roleusage.query.SortField;
import dev.roleusage.query.Sorter;
import dev.roleusage.spi.UsageStore;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every request of {@code shared/cases/contract-cases.json}, through the facade, on every store:
 * status, headers and body as worked out independently (hand-written causes for every 400 and 404,
 * {@link NaiveAnswers} for rows and totals — cross-checked with the suite's {@link ReferenceAnswers} —
 * and the file's own {@code expect} parts), every body valid
 * against the published schema, and the answers byte-identical across stores (trackingIds masked).
 */
class ContractCasesThroughEndpointTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final TenantId TENANT = TenantId.of("tenant-contract");
  private static final String HEADER = "the X-SailPoint-Experimental header is missing or is not 'true'";

  /**
   * The English causes of every request that must be a 400, worked out by hand from CONTRACT §1,
   * keyed by {@code case|target|X-SailPoint-Experimental value or -}.
   */
  private static final Map<String, List<String>> BAD_REQUESTS = new LinkedHashMap<>();

  static {
    String p = "parameter-validation|/role-mining-potential-roles/pr/sources/src/identityUsage?";
    bad(p + "limit=251|true", "limit must be at most 250, but was 251");
    bad(p + "limit=-1|true", "limit must be at least 0, but was -1");
    bad(p + "limit=abc|true", "limit must be a decimal integer, but was 'abc'");
    bad(p + "limit=|true", "limit must be a decimal integer, but was ''");
    bad(p + "offset=-1|true", "offset must be at least 0, but was -1");
    bad(p + "offset=2147483648|true", "offset must be at most 2147483647, but was 2147483648");
    bad(p + "offset=1.5|true", "offset must be a decimal integer, but was '1.5'");
    bad(p + "count=yes|true", "count must be true or false, but was 'yes'");
    bad(p + "sorters=name|true", "sorters item 'name' is not one of displayName, email, usageCount");
    bad(p + "sorters=-|true", "sorters has an empty item '-'");
    bad(p + "sorters=displayName,,email|true", "sorters has an empty item ''");
    bad(p + "sorters=displayName,-displayName|true",
        "sorters item '-displayName' names a field that is already sorted by");
    bad(p + "sorters=displayName,|true", "sorters has an empty item ''");
    bad(p + "sorters=DisplayName|true", "sorters item 'DisplayName' is not one of displayName, email, usageCount");
    bad(p + "limit=1&limit=2|true", "limit must be given at most once");
    String e = "experimental-header|/role-mining-potential-roles/pr/sources/src/identityUsage";
    bad(e + "|-", HEADER);
    bad(e + "|false", HEADER);
    String n = "not-found-and-empty-role|";
    bad(n + "/role-mining-potential-roles/" + "x".repeat(129) + "/sources/src/identityUsage|true",
        "potentialRoleId must be at most 128 characters long");
    bad(n + "/v2024/role-mining-potential-roles/pr/sources/src/identityUsage|-", HEADER);
  }

  private static void bad(String key, String... causes) {
    BAD_REQUESTS.put(key, List.of(causes));
  }

  /** What one request answered on one store. */
  private record Observed(String store, HttpAnswer answer) {}

  @TestFactory
  Stream<DynamicContainer> everyCaseOnEveryStore() {
    List<String> usedKeys = new ArrayList<>();
    return Stream.concat(ContractCase.loadAll().stream().map(c -> DynamicContainer.dynamicContainer(c.name(),
        Stream.of(DynamicTest.dynamicTest("all requests, all stores", () -> runCase(c, usedKeys))))),
        Stream.of(DynamicContainer.dynamicContainer("hand-worked table",
            Stream.of(DynamicTest.dynamicTest("every 400 of the table was requested", () ->
                assertThat(usedKeys).containsExactlyInAnyOrderElementsOf(BAD_REQUESTS.keySet()))))));
  }

  private void runCase(ContractCase c, List<String> usedKeys) throws Exception {
    ChangeSet data = c.changes();
    NaiveAnswers oracle = new NaiveAnswers(data);
    ReferenceAnswers reference = ReferenceAnswers.of(c);
    LocalDate asOf = LocalDate.ofInstant(c.asOf(), c.zone());
    Map<Integer, List<Observed>> byRequest = new LinkedHashMap<>();
    for (StoresUnderTest.StoreUnderTest kind : StoresUnderTest.all()) {
      try (StoresUnderTest.OpenStore open = kind.open().get()) {
        UsageStore store = open.store();
        RoleUsage engine = RoleUsage.builder(store).clock(Clock.fixed(c.asOf(), c.zone())).usageZone(c.zone()).build();
        engine.apply(TENANT, data);
        IdentityUsageEndpoint endpoint = IdentityUsageEndpoint.builder(engine)
            .defaultTenant(TENANT).rateLimit(RateLimit.unlimited()).build();
        for (int i = 0; i < c.requests().size(); i++) {
          ContractCase.Request r = c.requests().get(i);
          HttpAnswer answer = endpoint.handle(HttpCall.get(r.target(), r.headers()));
          byRequest.computeIfAbsent(i, k -> new ArrayList<>()).add(new Observed(kind.name(), answer));
        }
      }
    }
    for (int i = 0; i < c.requests().size(); i++) {
      ContractCase.Request r = c.requests().get(i);
      String key = c.name() + "|" + r.target() + "|" + experimentalValue(r.headers());
      List<Observed> observed = byRequest.get(i);
      for (Observed o : observed) {
        String what = c.name() + " " + r.target() + " " + r.headers() + " on " + o.store();
        PublishedSchemas.assertConforms(o.answer());
        if (BAD_REQUESTS.containsKey(key)) {
          assertError(o.answer(), 400, "400.1 Bad Request Content", BAD_REQUESTS.get(key), what);
        } else {
          assertValidAnswer(r, oracle, reference, c, o.answer(), what);
        }
      }
      if (BAD_REQUESTS.containsKey(key) && !usedKeys.contains(key)) {
        usedKeys.add(key);
      }
      assertIdenticalAcrossStores(observed);
    }
  }

  private static String experimentalValue(Map<String, String> headers) {
    return headers.entrySet().stream().filter(h -> h.getKey().equalsIgnoreCase("X-SailPoint-Experimental"))
        .map(Map.Entry::getValue).findFirst().orElse("-");
  }

  private static void assertValidAnswer(ContractCase.Request r, NaiveAnswers oracle, ReferenceAnswers reference,
      ContractCase c, HttpAnswer answer, String what) throws Exception {
    LocalDate asOf = LocalDate.ofInstant(c.asOf(), c.zone());
    // The request's parts, decoded here without the facade's code.
    List<String> path = new ArrayList<>(Arrays.asList(r.rawPath().split("/", -1)));
    path.remove(0);
    if (List.of("beta", "v2024", "v2025", "v2026").contains(path.get(0))) {
      path.remove(0);
    }
    if (path.size() == 6) {
      assertThat(path.get(1)).isEqualTo("v1");
      path.remove(1);
    }
    String role = URLDecoder.decode(path.get(1), StandardCharsets.UTF_8);
    String source = URLDecoder.decode(path.get(3), StandardCharsets.UTF_8);
    Map<String, String> q = new LinkedHashMap<>();
    if (r.rawQuery() != null) {
      for (String part : r.rawQuery().split("&")) {
        String[] kv = part.split("=", 2);
        q.put(URLDecoder.decode(kv[0], StandardCharsets.UTF_8),
            kv.length > 1 ? URLDecoder.decode(kv[1], StandardCharsets.UTF_8) : "");
      }
    }
    List<String> sorters = q.getOrDefault("sorters", "").isBlank() ? List.of()
        : Arrays.stream(q.get("sorters").split(",")).map(String::strip).toList();
    int offset = Integer.parseInt(q.getOrDefault("offset", "0"));
    int limit = Integer.parseInt(q.getOrDefault("limit", "250"));
    boolean count = q.getOrDefault("count", "false").equalsIgnoreCase("true");

    NaiveAnswers.Outcome expected = oracle.answer(role, source, sorters, offset, limit, asOf);
    assertAgreesWithReference(expected, reference.answer(role, source,
        sorters.stream().map(ContractCasesThroughEndpointTest::sorter).toList(), c.asOf(), c.zone()), offset, limit, what);
    if (expected instanceof NaiveAnswers.RoleNotFound nf) {
      assertError(answer, 404, "404 Not found", List.of("potential role '" + nf.id() + "' was not found"), what);
    } else if (expected instanceof NaiveAnswers.SourceNotFound nf) {
      assertError(answer, 404, "404 Not found", List.of("source '" + nf.id() + "' was not found"), what);
    } else {
      NaiveAnswers.Page page = (NaiveAnswers.Page) expected;
      Map<String, String> headers = new LinkedHashMap<>();
      headers.put("Content-Type", "application/json");
      if (count) {
        headers.put("X-Total-Count", Long.toString(page.total()));
      }
      assertThat(answer.status()).as(what).isEqualTo(200);
      assertThat(answer.headers()).as(what).containsExactlyEntriesOf(headers);
      assertThat(answer.bodyText()).as(what).isEqualTo(page.bodyJson());
      // The file's own hand-worked parts agree as well (and so check the oracle).
      if (r.expectBody().isPresent()) {
        assertThat(JSON.readTree(answer.body())).as(what).isEqualTo(r.expectBody().get());
      }
      r.expectTotal().ifPresent(t -> assertThat(page.total()).as(what).isEqualTo(t));
    }
  }

  /** The suite's ReferenceAnswers (another helper's oracle) and this test's NaiveAnswers agree. */
  private static void assertAgreesWithReference(NaiveAnswers.Outcome naive, ReferenceAnswers.Answer reference,
      int offset, int limit, String what) throws Exception {
    if (naive instanceof NaiveAnswers.RoleNotFound) {
      assertThat(reference.outcome()).as(what).isEqualTo(ReferenceAnswers.Outcome.POTENTIAL_ROLE_NOT_FOUND);
    } else if (naive instanceof NaiveAnswers.SourceNotFound) {
      assertThat(reference.outcome()).as(what).isEqualTo(ReferenceAnswers.Outcome.SOURCE_NOT_FOUND);
    } else {
      NaiveAnswers.Page page = (NaiveAnswers.Page) naive;
      assertThat(reference.outcome()).as(what).isEqualTo(ReferenceAnswers.Outcome.FOUND);
      assertThat((long) reference.total()).as(what).isEqualTo(page.total());
      List<Map<String, Object>> rows = new ArrayList<>();
      for (IdentityUsage row : reference.page(offset, limit)) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", row.id());
        if (row.displayName() != null) {
          m.put("displayName", row.displayName());
        }
        if (row.email() != null) {
          m.put("email", row.email());
        }
        m.put("usageCount", row.usageCount());
        rows.add(m);
      }
      assertThat(JSON.writeValueAsString(rows)).as(what).isEqualTo(page.bodyJson());
    }
  }

  private static Sorter sorter(String wire) {
    boolean desc = wire.startsWith("-");
    return new Sorter(SortField.fromWireName(desc ? wire.substring(1) : wire).orElseThrow(), desc);
  }

  static void assertError(HttpAnswer answer, int status, String detailCode, List<String> causes, String what)
      throws Exception {
    assertThat(answer.status()).as(what).isEqualTo(status);
    assertThat(answer.headers()).as(what).containsExactlyEntriesOf(Map.of("Content-Type", "application/json"));
    JsonNode body = JSON.readTree(answer.body());
    assertThat(body.get("detailCode").asText()).as(what).isEqualTo(detailCode);
    assertThat(body.get("trackingId").asText()).as(what).matches("[0-9a-f]{32}");
    assertThat(body.get("messages")).as(what).hasSize(1);
    JsonNode message = body.get("messages").get(0);
    assertThat(message.get("locale").asText()).isEqualTo("en-US");
    assertThat(message.get("localeOrigin").asText()).isEqualTo("DEFAULT");
    List<String> texts = new ArrayList<>();
    for (JsonNode cause : body.get("causes")) {
      assertThat(cause.get("locale").asText()).isEqualTo("en-US");
      assertThat(cause.get("localeOrigin").asText()).isEqualTo("DEFAULT");
      texts.add(cause.get("text").asText());
    }
    assertThat(texts).as(what).containsExactlyElementsOf(causes);
  }

  private static void assertIdenticalAcrossStores(List<Observed> observed) {
    Observed first = observed.get(0);
    for (Observed o : observed.subList(1, observed.size())) {
      assertThat(o.answer().status()).isEqualTo(first.answer().status());
      assertThat(o.answer().headers()).containsExactlyEntriesOf(first.answer().headers());
      assertThat(masked(o.answer())).as("%s vs %s", o.store(), first.store()).isEqualTo(masked(first.answer()));
    }
  }

  /** The body with the (per-error, random) trackingId replaced. */
  static String masked(HttpAnswer answer) {
    return answer.bodyText().replaceAll("\"trackingId\":\"[0-9a-f]{32}\"", "\"trackingId\":\"*\"");
  }

}
