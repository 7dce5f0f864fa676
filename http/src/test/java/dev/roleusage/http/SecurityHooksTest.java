package dev.roleusage.http;

import static dev.roleusage.http.ContractCasesThroughEndpointTest.assertError;
import static dev.roleusage.http.Fixtures.EXPERIMENTAL;
import static dev.roleusage.http.Fixtures.USAGE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.roleusage.RoleUsage;
import dev.roleusage.model.ChangeSet;
import dev.roleusage.model.TenantId;
import dev.roleusage.storage.memory.InMemoryUsageStore;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** CONTRACT §5 rows 401, 403 and 405, and §6: the tenant of a read is the caller's. */
class SecurityHooksTest {
  /** Bearer tokens of this test: token → caller. */
  private static final Map<String, Caller> TOKENS = Map.of(
      "Bearer reader", new Caller("u-reader", Fixtures.ACME, Set.of(Authorizer.READ_SCOPE)),
      "Bearer manager", new Caller("u-manager", Fixtures.ACME, Set.of(Authorizer.MANAGE_SCOPE, "sp:scopes:all")),
      "Bearer nobody", new Caller("u-nobody", Fixtures.ACME, Set.of("idn:sources:read")),
      "Bearer globex", new Caller("u-globex", TenantId.of("globex"), Set.of(Authorizer.READ_SCOPE)));

  private static final Authenticator BEARER = call -> call.header("Authorization")
      .map(TOKENS::get).map(Authentication::of)
      .orElse(Authentication.rejected("JWT validation failed: JWT is expired"));

  private static Map<String, String> as(String token) {
    Map<String, String> h = new HashMap<>(EXPERIMENTAL);
    h.put("Authorization", token);
    return h;
  }

  private static HttpAnswer handle(IdentityUsageEndpoint endpoint, String target, Map<String, String> headers) {
    HttpAnswer answer = endpoint.handle(HttpCall.get(target, headers));
    PublishedSchemas.assertConforms(answer);
    return answer;
  }

  @Test
  void aRejectedCallerGets401WithTheErrorShapeAndNothingIsRead() {
    Fixtures.CountingStore store = new Fixtures.CountingStore();
    IdentityUsageEndpoint endpoint = IdentityUsageEndpoint.builder(Fixtures.engine(store)).authenticator(BEARER).build();
    for (Map<String, String> headers : List.of(EXPERIMENTAL, as("Bearer forged"))) {
      HttpAnswer answer = handle(endpoint, USAGE, headers);
      assertThat(answer.status()).isEqualTo(401);
      assertThat(answer.headers()).containsExactlyEntriesOf(Map.of("Content-Type", "application/json"));
      assertThat(answer.bodyText()).isEqualTo("{\"error\":\"JWT validation failed: JWT is expired\"}");
    }
    assertThat(store.reads).hasValue(0);
  }

  @Test
  void authenticationComesBeforeRequestValidation() {
    IdentityUsageEndpoint endpoint = IdentityUsageEndpoint.builder(Fixtures.acmeEngine()).authenticator(BEARER).build();
    assertThat(handle(endpoint, USAGE + "?limit=999", Map.of()).status()).isEqualTo(401);
  }

  @Test
  void withoutAuthenticatorOrDefaultTenantOnlyAHostEstablishedCallerGetsIn() {
    IdentityUsageEndpoint endpoint = IdentityUsageEndpoint.builder(Fixtures.acmeEngine()).build();
    HttpAnswer anonymous = handle(endpoint, USAGE, EXPERIMENTAL);
    assertThat(anonymous.status()).isEqualTo(401);
    assertThat(anonymous.bodyText()).isEqualTo("{\"error\":\"Authentication required\"}");
    HttpAnswer known = endpoint.handle(HttpCall.get(USAGE, EXPERIMENTAL).withCaller(Caller.of("host-user", Fixtures.ACME)));
    assertThat(known.status()).isEqualTo(200);
    assertThat(known.bodyText()).isEqualTo(Fixtures.PR_ROWS);
  }

  @Test
  void specScopesAllowReadAndManageAndRefuseOthersWith403() throws Exception {
    Fixtures.CountingStore store = new Fixtures.CountingStore();
    RoleUsage engine = Fixtures.engine(store);
    engine.apply(Fixtures.ACME, Fixtures.acme());
    IdentityUsageEndpoint endpoint = IdentityUsageEndpoint.builder(engine)
        .authenticator(BEARER).authorizer(Authorizer.specScopes()).build();
    assertThat(handle(endpoint, USAGE, as("Bearer reader")).bodyText()).isEqualTo(Fixtures.PR_ROWS);
    assertThat(handle(endpoint, USAGE, as("Bearer manager")).bodyText()).isEqualTo(Fixtures.PR_ROWS);
    assertThat(store.reads).hasValue(2);

    HttpAnswer refused = handle(endpoint, USAGE, as("Bearer nobody"));
    assertError(refused, 403, "403 Forbidden", List.of(), "403");
    assertThat(refused.bodyText())
        .contains("\"text\":\"The server understood the request but refuses to authorize it.\"");
    assertThat(store.reads).as("a refused caller reads nothing").hasValue(2);
  }

  @Test
  void theAuthorizerSeesCallerTenantAndDecodedRole() {
    List<List<Object>> seen = new ArrayList<>();
    IdentityUsageEndpoint endpoint = IdentityUsageEndpoint.builder(Fixtures.acmeEngine()).authenticator(BEARER)
        .authorizer((caller, tenant, role) -> seen.add(List.of(caller.id(), tenant, role)) && !role.equals("a/b"))
        .build();
    assertThat(handle(endpoint, "/role-mining-potential-roles/a%2Fb/sources/src/identityUsage",
        as("Bearer reader")).status()).isEqualTo(403);
    assertThat(handle(endpoint, USAGE, as("Bearer reader")).status()).isEqualTo(200);
    assertThat(seen).containsExactly(List.of("u-reader", Fixtures.ACME, "a/b"), List.of("u-reader", Fixtures.ACME, "pr"));
  }

  @Test
  void theTenantIsTheCallersNeverTheRequests() {
    RoleUsage engine = RoleUsage.builder(new InMemoryUsageStore())
        .clock(java.time.Clock.fixed(Fixtures.NOW, ZoneOffset.UTC)).build();
    engine.apply(Fixtures.ACME, Fixtures.acme());
    engine.apply(TenantId.of("globex"), ChangeSet.builder(ZoneOffset.UTC)
        .identity("gus", "Gus", "gus@globex.test").membership("pr", "gus").source("src", "S").build());
    IdentityUsageEndpoint endpoint = IdentityUsageEndpoint.builder(engine).authenticator(BEARER).build();

    Map<String, String> sneaky = as("Bearer globex");
    sneaky.put("X-Tenant", "acme");
    sneaky.put("X-SailPoint-Tenant", "acme");
    HttpAnswer globex = handle(endpoint, USAGE + "?tenant=acme&tenantId=acme", sneaky);
    assertThat(globex.bodyText()).isEqualTo("[{\"id\":\"gus\",\"displayName\":\"Gus\",\"email\":\"gus@globex.test\",\"usageCount\":0}]");
    assertThat(handle(endpoint, USAGE, as("Bearer reader")).bodyText()).isEqualTo(Fixtures.PR_ROWS);
    // acme's role a/b does not exist for globex.
    assertThat(handle(endpoint, "/role-mining-potential-roles/a%2Fb/sources/src/identityUsage", as("Bearer globex"))
        .status()).isEqualTo(404);
  }

  @Test
  void anyMethodButGetIs405WithAllowGet() throws Exception {
    IdentityUsageEndpoint endpoint = Fixtures.acmeEndpoint().build();
    for (String method : List.of("POST", "PUT", "DELETE", "PATCH", "HEAD", "OPTIONS", "get")) {
      HttpAnswer answer = endpoint.handle(new HttpCall(method, USAGE, null,
          Map.of("X-SailPoint-Experimental", List.of("true"))));
      PublishedSchemas.assertConforms(answer);
      assertThat(answer.status()).as(method).isEqualTo(405);
      assertThat(answer.headers().entrySet()).containsExactly(
          Map.entry("Content-Type", "application/json"), Map.entry("Allow", "GET"));
      assertThat(new com.fasterxml.jackson.databind.ObjectMapper().readTree(answer.body()).get("causes").get(0)
          .get("text").asText()).isEqualTo("method '" + method + "' is not allowed; only GET is supported");
    }
    // An unknown path is a 404 whatever the method.
    assertThat(endpoint.handle(new HttpCall("POST", "/elsewhere", null, Map.of())).status()).isEqualTo(404);
  }

  @Test
  void builderRefusesAmbiguousTenantConfiguration() {
    assertThatThrownBy(() -> IdentityUsageEndpoint.builder(Fixtures.acmeEngine())
        .authenticator(BEARER).defaultTenant(Fixtures.ACME).build())
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("either an authenticator or a defaultTenant");
    assertThatThrownBy(() -> Authorizer.requireAnyScope()).isInstanceOf(IllegalArgumentException.class);
  }
}
