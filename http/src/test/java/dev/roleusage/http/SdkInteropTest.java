package dev.roleusage.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.roleusage.RoleUsage;
import dev.roleusage.model.ChangeSet;
import dev.roleusage.model.TenantId;
import dev.roleusage.storage.memory.InMemoryUsageStore;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Interop with SailPoint's official TypeScript SDK ({@code sailpoint-api-client} 1.4.15, pinned by
 * {@code src/test/sdk-interop/package-lock.json}): the facade served on 127.0.0.1 by the JDK HTTP
 * server, driven from Node by {@code IAIRoleMiningV2024Api.getPotentialRoleSourceIdentityUsage} and
 * {@code Paginator.paginate}. Needs {@code node} and {@code npm ci} in that folder ({@code .ci/run} does it).
 */
class SdkInteropTest {
  private static final Path PROJECT = Paths.get("src/test/sdk-interop").toAbsolutePath();
  private static final TenantId TENANT = TenantId.of("sdk-tenant");
  /** A role id that needs encoding, '/' included: the SDK sends it with encodeURIComponent. */
  private static final String ROLE = "big role/1";
  private static final int MEMBERS = 1000;

  @Test
  void theOfficialSdkPagesCountsAndParsesErrors(@TempDir Path tmp) throws Exception {
    assertThat(PROJECT.resolve("node_modules/sailpoint-api-client/package.json"))
        .as("the SDK is not installed: run `npm ci` in %s (.ci/run does this before mvn verify)", PROJECT)
        .isRegularFile();

    // Identity i used the source on (i % 91) distinct days of the window ending 2025-06-30.
    LocalDate asOf = LocalDate.of(2025, 6, 30);
    ChangeSet.Builder data = ChangeSet.builder(ZoneOffset.UTC).source("src", "Source");
    List<String[]> expected = new ArrayList<>();
    for (int i = 0; i < MEMBERS; i++) {
      String id = String.format("id-%04d", i);
      data.identity(id, "Person " + i, id + "@example.test").membership(ROLE, id);
      for (int d = 0; d < i % 91; d++) {
        data.usage(id, "src", asOf.minusDays(d));
      }
      expected.add(new String[] {id, Integer.toString(i % 91)});
    }
    // -usageCount, ties by id ascending.
    expected.sort(Comparator.<String[]>comparingInt(r -> -Integer.parseInt(r[1])).thenComparing(r -> r[0]));
    RoleUsage engine = RoleUsage.builder(new InMemoryUsageStore())
        .clock(Clock.fixed(asOf.atTime(12, 0).toInstant(ZoneOffset.UTC), ZoneOffset.UTC)).build();
    engine.apply(TENANT, data.build());

    List<HttpCall> seen = new CopyOnWriteArrayList<>();
    IdentityUsageEndpoint endpoint = IdentityUsageEndpoint.builder(engine)
        .authenticator(call -> {
          seen.add(call);
          return call.header("Authorization").filter("Bearer interop-token"::equals)
              .map(t -> Authentication.of(new Caller("sdk", TENANT, Set.of(Authorizer.READ_SCOPE))))
              .orElse(Authentication.rejected("JWT validation failed"));
        })
        .authorizer(Authorizer.specScopes())
        .build();

    Path resultFile = tmp.resolve("result.json");
    String output;
    int exit;
    try (LocalServer server = LocalServer.start(endpoint, 0)) {
      Process node = new ProcessBuilder("node", "interop.js", server.baseUri().toString(), resultFile.toString(),
          ROLE, "src")
          .directory(PROJECT.toFile()).redirectErrorStream(true).start();
      boolean done = node.waitFor(120, TimeUnit.SECONDS);
      output = new String(node.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!done) {
        node.destroyForcibly();
      }
      assertThat(done).as("node finished; output:%n%s", output).isTrue();
      exit = node.exitValue();
    }
    assertThat(exit).as("node exit code; output:%n%s", output).isZero();
    JsonNode result = new ObjectMapper().readTree(resultFile.toFile());

    // Every identity exactly once, in the requested order, over 4 full pages and one empty one.
    List<String> ids = new ArrayList<>();
    result.get("ids").forEach(id -> ids.add(id.asText()));
    assertThat(ids).hasSize(MEMBERS).doesNotHaveDuplicates()
        .containsExactlyElementsOf(expected.stream().map(r -> r[0]).toList());
    assertThat(result.get("pages")).hasSize(5);
    for (int p = 0; p < 5; p++) {
      JsonNode page = result.get("pages").get(p);
      assertThat(page.get("offset").asInt()).isEqualTo(250 * p);
      assertThat(page.get("status").asInt()).isEqualTo(200);
      assertThat(page.get("rows").asInt()).isEqualTo(p < 4 ? 250 : 0);
    }
    assertThat(result.get("firstRow").toString())
        .isEqualTo("{\"id\":\"id-0090\",\"displayName\":\"Person 90\",\"email\":\"id-0090@example.test\",\"usageCount\":90}");
    assertThat(result.get("keysOfEveryRow").toString()).isEqualTo("[\"id,displayName,email,usageCount\"]");

    assertThat(result.get("totalHeader").asText()).isEqualTo("1000");
    assertThat(result.get("countedContentType").asText()).isEqualTo("application/json");

    JsonNode bad = result.get("badSorter");
    assertThat(bad.get("status").asInt()).isEqualTo(400);
    assertThat(bad.get("detailCode").asText()).isEqualTo("400.1 Bad Request Content");
    assertThat(bad.get("trackingId").asText()).matches("[0-9a-f]{32}");
    assertThat(bad.get("messages").get(0).get("locale").asText()).isEqualTo("en-US");
    assertThat(bad.get("causes")).hasSize(1);
    assertThat(bad.get("causes").get(0).get("text").asText())
        .isEqualTo("sorters item 'name' is not one of displayName, email, usageCount");

    // What the SDK actually sent: the /v2024 prefix, the encoded id, the experimental header, the token.
    assertThat(seen).hasSize(7);
    for (HttpCall call : seen) {
      assertThat(call.method()).isEqualTo("GET");
      assertThat(call.rawPath()).isEqualTo("/v2024/role-mining-potential-roles/big%20role%2F1/sources/src/identityUsage");
      assertThat(call.headerValues("X-SailPoint-Experimental")).containsExactly("true");
      assertThat(call.headerValues("Authorization")).containsExactly("Bearer interop-token");
    }
    assertThat(seen.get(0).rawQuery()).isEqualTo("sorters=-usageCount&offset=0&limit=250");
    assertThat(seen.get(5).rawQuery()).isEqualTo("limit=1&count=true");
  }

}
