package dev.roleusage.http;

import static dev.roleusage.http.ContractCasesThroughEndpointTest.assertError;
import static dev.roleusage.http.Fixtures.EXPERIMENTAL;
import static dev.roleusage.http.Fixtures.PR_ROWS;
import static dev.roleusage.http.Fixtures.USAGE;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** CONTRACT §1 and §4 through the facade: routing, the experimental header, oversized requests, the 200 shape. */
class RoutingAndRequestRulesTest {
  private final IdentityUsageEndpoint endpoint = Fixtures.acmeEndpoint().build();

  private HttpAnswer get(String target, Map<String, String> headers) {
    HttpAnswer answer = endpoint.handle(HttpCall.get(target, headers));
    PublishedSchemas.assertConforms(answer);
    return answer;
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "/role-mining-potential-roles/pr/sources/src/identityUsage",
      "/role-mining-potential-roles/v1/pr/sources/src/identityUsage",
      "/beta/role-mining-potential-roles/pr/sources/src/identityUsage",
      "/v2024/role-mining-potential-roles/pr/sources/src/identityUsage",
      "/v2025/role-mining-potential-roles/pr/sources/src/identityUsage",
      "/v2026/role-mining-potential-roles/pr/sources/src/identityUsage",
      "/v2024/role-mining-potential-roles/v1/pr/sources/src/identityUsage",
      "/beta/role-mining-potential-roles/v1/pr/sources/src/identityUsage"})
  void bothLayoutsWithEveryVersionPrefixAnswerTheSame(String path) {
    HttpAnswer answer = get(path, EXPERIMENTAL);
    assertThat(answer.status()).isEqualTo(200);
    assertThat(answer.bodyText()).isEqualTo(PR_ROWS);
    assertThat(answer.headers()).containsExactlyEntriesOf(Map.of("Content-Type", "application/json"));
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "", "/", "/role-mining-potential-roles", "/role-mining-potential-roles/pr/sources/src",
      "/role-mining-potential-roles/pr/sources/src/identityusage",
      "/role-mining-potential-roles/pr/sources/src/identityUsage/",
      "/role-mining-potential-roles/pr/source/src/identityUsage",
      "/v2023/role-mining-potential-roles/pr/sources/src/identityUsage",
      "/V2024/role-mining-potential-roles/pr/sources/src/identityUsage",
      "/v2024/beta/role-mining-potential-roles/pr/sources/src/identityUsage",
      "/role-mining-potential-roles/v2/pr/sources/src/identityUsage",
      "role-mining-potential-roles/pr/sources/src/identityUsage",
      "/role-mining-potential-roles/a/b/sources/src/identityUsage"})
  void anyOtherPathIsA404WithoutCauses(String path) throws Exception {
    assertError(get(path, EXPERIMENTAL), 404, "404 Not found", List.of(), path);
  }

  @Test
  void aRoleCalledV1IsReachableInThePlainLayout() {
    HttpAnswer answer = get("/role-mining-potential-roles/v1/sources/src/identityUsage", EXPERIMENTAL);
    assertThat(answer.bodyText()).isEqualTo("[{\"id\":\"bob\",\"displayName\":\"Bob\",\"usageCount\":1}]");
  }

  @Test
  void anEncodedSlashStaysInsideTheId() {
    HttpAnswer answer = get("/role-mining-potential-roles/a%2Fb/sources/src/identityUsage", EXPERIMENTAL);
    assertThat(answer.status()).isEqualTo(200);
    assertThat(answer.bodyText())
        .isEqualTo("[{\"id\":\"ada\",\"displayName\":\"Ada\",\"email\":\"ada@example.test\",\"usageCount\":2}]");
    // Lower-case hex too; and '+' in a path is a plus, not a space.
    assertThat(get("/role-mining-potential-roles/a%2fb/sources/src/identityUsage", EXPERIMENTAL).status())
        .isEqualTo(200);
  }

  @Test
  void unknownRoleAndUnknownSourceAre404sNamingWhichOne() throws Exception {
    assertError(get("/role-mining-potential-roles/a+b/sources/src/identityUsage", EXPERIMENTAL), 404,
        "404 Not found", List.of("potential role 'a+b' was not found"), "plus");
    assertError(get("/role-mining-potential-roles/pr/sources/nope/identityUsage", EXPERIMENTAL), 404,
        "404 Not found", List.of("source 'nope' was not found"), "source");
  }

  @Test
  void malformedPercentEncodingInThePathIsA400PerId() throws Exception {
    assertError(get("/role-mining-potential-roles/%zz/sources/%C3/identityUsage", EXPERIMENTAL), 400,
        "400.1 Bad Request Content",
        List.of("potentialRoleId is not valid percent-encoded UTF-8", "sourceId is not valid percent-encoded UTF-8"),
        "malformed");
  }

  @Test
  void anEmptyIdIsA400() throws Exception {
    assertError(get("/role-mining-potential-roles//sources/src/identityUsage", EXPERIMENTAL), 400,
        "400.1 Bad Request Content", List.of("potentialRoleId must not be empty"), "empty");
  }

  @Test
  void everyBrokenRuleIsOneCauseTheHeaderFirst() throws Exception {
    HttpAnswer answer = get(USAGE + "?limit=251&sorters=name,email,email&count=maybe&offset=-3", Map.of());
    assertError(answer, 400, "400.1 Bad Request Content", List.of(
        "the X-SailPoint-Experimental header is missing or is not 'true'",
        "sorters item 'name' is not one of displayName, email, usageCount",
        "sorters item 'email' names a field that is already sorted by",
        "offset must be at least 0, but was -3",
        "limit must be at most 250, but was 251",
        "count must be true or false, but was 'maybe'"), "all");
  }

  @ParameterizedTest
  @ValueSource(strings = {"true", "TRUE", "True", " true "})
  void theExperimentalHeaderIsTrueInAnyCase(String value) {
    assertThat(get(USAGE, Map.of("x-sailpoint-experimental", value)).status()).isEqualTo(200);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "false", "yes", "1", "tru", "truee", "trUe\u0131", "t\u0280ue"})
  void anyOtherExperimentalValueIsA400(String value) throws Exception {
    assertError(get(USAGE, Map.of("X-SailPoint-Experimental", value)), 400, "400.1 Bad Request Content",
        List.of("the X-SailPoint-Experimental header is missing or is not 'true'"), value);
  }

  @Test
  void theExperimentalHeaderTwiceIsA400() throws Exception {
    HttpCall call = new HttpCall("GET", USAGE, null,
        Map.of("X-SailPoint-Experimental", List.of("true", "true")));
    assertError(endpoint.handle(call), 400, "400.1 Bad Request Content",
        List.of("the X-SailPoint-Experimental header is missing or is not 'true'"), "twice");
  }

  @Test
  void theExperimentalHeaderIsNotNeededUnderBetaOrWhenSwitchedOff() {
    assertThat(get("/beta" + USAGE, Map.of()).status()).isEqualTo(200);
    IdentityUsageEndpoint relaxed = Fixtures.acmeEndpoint().requireExperimentalHeader(false).build();
    HttpAnswer answer = relaxed.handle(HttpCall.get("/v2025" + USAGE, Map.of()));
    assertThat(answer.status()).isEqualTo(200);
    assertThat(answer.bodyText()).isEqualTo(PR_ROWS);
  }

  @Test
  void totalCountHeaderOnlyWithCountTrue() {
    assertThat(get(USAGE + "?count=true&limit=1", EXPERIMENTAL).headers())
        .containsExactlyEntriesOf(orderedMap("Content-Type", "application/json", "X-Total-Count", "3"));
    assertThat(get(USAGE + "?count=false&limit=1", EXPERIMENTAL).headers())
        .containsExactlyEntriesOf(Map.of("Content-Type", "application/json"));
    assertThat(get(USAGE + "?limit=1", EXPERIMENTAL).headers()).doesNotContainKey("X-Total-Count");
  }

  @Test
  void missingValuesAreOmittedAndKeysAreInSpecOrder() {
    HttpAnswer answer = get(USAGE + "?sorters=-displayName", EXPERIMENTAL);
    // Descending by name, missing name last: Bob, Ada, then cy.
    assertThat(answer.bodyText()).isEqualTo("[{\"id\":\"bob\",\"displayName\":\"Bob\",\"usageCount\":1},"
        + "{\"id\":\"ada\",\"displayName\":\"Ada\",\"email\":\"ada@example.test\",\"usageCount\":2},"
        + "{\"id\":\"cy\",\"usageCount\":0}]");
    assertThat(answer.bodyText()).doesNotContain("null").doesNotContain("\"\"");
  }

  @Test
  void theTrackingIdIsNewForEveryError() throws Exception {
    String a = get(USAGE + "?limit=x", EXPERIMENTAL).bodyText();
    String b = get(USAGE + "?limit=x", EXPERIMENTAL).bodyText();
    assertThat(a).isNotEqualTo(b);
    assertThat(ContractCasesThroughEndpointTest.masked(get(USAGE + "?limit=x", EXPERIMENTAL)))
        .isEqualTo(ContractCasesThroughEndpointTest.masked(get(USAGE + "?limit=x", EXPERIMENTAL)));
  }

  private static Map<String, String> orderedMap(String k1, String v1, String k2, String v2) {
    Map<String, String> m = new java.util.LinkedHashMap<>();
    m.put(k1, v1);
    m.put(k2, v2);
    return m;
  }
}
