package dev.roleusage.http;

import static dev.roleusage.http.ContractCasesThroughEndpointTest.assertError;
import static dev.roleusage.http.Fixtures.EXPERIMENTAL;
import static dev.roleusage.http.Fixtures.USAGE;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** CONTRACT §5 row 500: a generic body, the cause logged with the trackingId, never sent. */
class InternalFaultTest {
  private static final List<String> NEVER_IN_A_BODY = List.of(
      "SELECT", "usage_day", "USAGE_DAY", "SQL", "Exception", "org.h2", "java.", "dev.roleusage", "42102",
      "\tat ", "StoreException", "query failed");

  /** Runs {@code action} while capturing what slf4j-simple writes to System.err. */
  private static <T> T capturingLog(StringBuilder log, Supplier<T> action) {
    PrintStream original = System.err;
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    System.setErr(new PrintStream(bytes, true, StandardCharsets.UTF_8));
    try {
      return action.get();
    } finally {
      System.setErr(original);
      log.append(bytes.toString(StandardCharsets.UTF_8));
    }
  }

  private static void assertGeneric500(HttpAnswer answer) throws Exception {
    PublishedSchemas.assertConforms(answer);
    assertError(answer, 500, "500.0 Internal Fault", List.of(), "500");
    assertThat(new ObjectMapper().readTree(answer.body()).get("messages").get(0).get("text").asText())
        .isEqualTo("An internal fault occurred.");
    for (String secret : NEVER_IN_A_BODY) {
      assertThat(answer.bodyText()).doesNotContain(secret);
    }
  }

  private static String trackingId(HttpAnswer answer) throws Exception {
    return new ObjectMapper().readTree(answer.body()).get("trackingId").asText();
  }

  @Test
  void aStoreFailureWithSqlAndClassNamesInItsMessageIsAGeneric500() throws Exception {
    Fixtures.FailingStore store = new Fixtures.FailingStore();
    IdentityUsageEndpoint endpoint = IdentityUsageEndpoint.builder(Fixtures.engine(store))
        .defaultTenant(Fixtures.ACME).build();
    StringBuilder log = new StringBuilder();
    HttpAnswer answer = capturingLog(log, () -> endpoint.handle(HttpCall.get(USAGE + "?count=true", EXPERIMENTAL)));
    assertThat(store.reads).hasValue(1);
    assertGeneric500(answer);
    // The operator can find the cause by the trackingId the caller reports.
    assertThat(log).contains("trackingId=" + trackingId(answer)).contains(Fixtures.FailingStore.SECRET_MESSAGE);
  }

  @Test
  void aFailingAuthenticatorOrAuthorizerIsA500Too() throws Exception {
    IdentityUsageEndpoint badAuthenticator = IdentityUsageEndpoint.builder(Fixtures.acmeEngine())
        .authenticator(call -> {
          throw new IllegalStateException("java.net.ConnectException: token service at 10.0.0.7 refused");
        }).build();
    IdentityUsageEndpoint badAuthorizer = IdentityUsageEndpoint.builder(Fixtures.acmeEngine())
        .defaultTenant(Fixtures.ACME)
        .authorizer((caller, tenant, role) -> {
          throw new NullPointerException("SELECT grants FROM acl");
        }).build();
    StringBuilder log = new StringBuilder();
    for (IdentityUsageEndpoint endpoint : List.of(badAuthenticator, badAuthorizer)) {
      HttpAnswer answer = capturingLog(log, () -> endpoint.handle(HttpCall.get(USAGE, EXPERIMENTAL)));
      assertGeneric500(answer);
      assertThat(answer.bodyText()).doesNotContain("10.0.0.7").doesNotContain("grants");
      assertThat(log).contains(trackingId(answer));
    }
  }

  @Test
  void a500IsLocalizedLikeEveryOtherError() throws Exception {
    IdentityUsageEndpoint endpoint = IdentityUsageEndpoint.builder(Fixtures.engine(new Fixtures.FailingStore()))
        .defaultTenant(Fixtures.ACME).build();
    java.util.Map<String, String> headers = new java.util.HashMap<>(EXPERIMENTAL);
    headers.put("Accept-Language", "de");
    HttpAnswer answer = capturingLog(new StringBuilder(), () -> endpoint.handle(HttpCall.get(USAGE, headers)));
    PublishedSchemas.assertConforms(answer);
    assertThat(answer.bodyText()).contains("\"locale\":\"de-DE\",\"localeOrigin\":\"REQUEST\","
        + "\"text\":\"Ein interner Fehler ist aufgetreten.\"");
  }
}
