package dev.roleusage.http;

import static dev.roleusage.http.ContractCasesThroughEndpointTest.assertError;
import static dev.roleusage.http.Fixtures.EXPERIMENTAL;
import static dev.roleusage.http.Fixtures.USAGE;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Absurd requests are refused with a 400 before anything (authentication, parsing, the store) runs. */
class OversizedRequestTest {
  private final Fixtures.CountingStore store = new Fixtures.CountingStore();
  private final AtomicInteger authentications = new AtomicInteger();
  private final IdentityUsageEndpoint endpoint = IdentityUsageEndpoint.builder(Fixtures.engine(store))
      .authenticator(call -> {
        authentications.incrementAndGet();
        return Authentication.of(Caller.of("c", Fixtures.ACME));
      })
      .rateLimit(RateLimit.unlimited())
      .build();

  private void assertRefusedUnprocessed(HttpCall call, String cause) throws Exception {
    HttpAnswer answer = endpoint.handle(call);
    PublishedSchemas.assertConforms(answer);
    assertError(answer, 400, "400.1 Bad Request Content", List.of(cause), cause);
    assertThat(authentications).hasValue(0);
    assertThat(store.reads).hasValue(0);
  }

  @Test
  void aMegabyteQueryString() throws Exception {
    assertRefusedUnprocessed(HttpCall.get(USAGE + "?sorters=" + "x".repeat(1 << 20), EXPERIMENTAL),
        "query string is too large (at most 8192 characters)");
  }

  @Test
  void tenThousandSorters() throws Exception {
    assertRefusedUnprocessed(HttpCall.get(USAGE + "?sorters=" + "displayName,".repeat(10_000), EXPERIMENTAL),
        "query string is too large (at most 8192 characters)");
  }

  @Test
  void aHugeHeader() throws Exception {
    Map<String, String> headers = new HashMap<>(EXPERIMENTAL);
    headers.put("Cookie", "a".repeat(20_000));
    assertRefusedUnprocessed(HttpCall.get(USAGE, headers), "headers is too large (at most 16384 characters)");
  }

  @Test
  void tenThousandSmallHeaders() throws Exception {
    Map<String, String> headers = new HashMap<>(EXPERIMENTAL);
    for (int i = 0; i < 10_000; i++) {
      headers.put("X-" + i, "1");
    }
    assertRefusedUnprocessed(HttpCall.get(USAGE, headers), "headers is too large (at most 16384 characters)");
  }

  @Test
  void aHugePath() throws Exception {
    assertRefusedUnprocessed(HttpCall.get("/role-mining-potential-roles/" + "p".repeat(5000)
        + "/sources/src/identityUsage", EXPERIMENTAL), "path is too large (at most 4096 characters)");
  }

  @Test
  void manySortersWithinTheSizeLimitAreOneCauseNotThousands() throws Exception {
    HttpAnswer answer = endpoint.handle(HttpCall.get(USAGE + "?sorters=" + ",".repeat(5000), EXPERIMENTAL));
    assertError(answer, 400, "400.1 Bad Request Content", List.of("sorters must have at most 10 items"), "many");
    assertThat(store.reads).hasValue(0);
  }

  @Test
  void justBelowTheLimitsIsProcessed() {
    HttpCall call = HttpCall.get(USAGE + "?x=" + "y".repeat(IdentityUsageEndpoint.MAX_QUERY_CHARS - 2),
        EXPERIMENTAL);
    assertThat(call.rawQuery()).hasSize(IdentityUsageEndpoint.MAX_QUERY_CHARS);
    // Unknown role in an empty store: processed all the way to the store.
    assertThat(endpoint.handle(call).status()).isEqualTo(404);
    assertThat(store.reads).hasValue(1);
  }
}
