package dev.roleusage.http;

import static dev.roleusage.http.Fixtures.EXPERIMENTAL;
import static dev.roleusage.http.Fixtures.USAGE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.roleusage.model.TenantId;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** CONTRACT §5 row 429: per caller, sliding window, Retry-After in whole seconds rounded up, ≥ 1. */
class RateLimitTest {
  private final Fixtures.MutableClock clock = new Fixtures.MutableClock(Fixtures.NOW);

  private static final Authenticator BY_HEADER = call -> Authentication.of(
      Caller.of(call.header("X-Caller").orElse("anonymous"), TenantId.of(call.header("X-Tenant").orElse("acme"))));

  private IdentityUsageEndpoint endpoint(RateLimit limit) {
    return IdentityUsageEndpoint.builder(Fixtures.acmeEngine()).authenticator(BY_HEADER)
        .rateLimit(limit.withClock(clock)).build();
  }

  private static HttpAnswer call(IdentityUsageEndpoint endpoint, String caller) {
    return call(endpoint, caller, "acme");
  }

  private static HttpAnswer call(IdentityUsageEndpoint endpoint, String caller, String tenant) {
    Map<String, String> headers = new HashMap<>(EXPERIMENTAL);
    headers.put("X-Caller", caller);
    headers.put("X-Tenant", tenant);
    HttpAnswer answer = endpoint.handle(HttpCall.get(USAGE, headers));
    PublishedSchemas.assertConforms(answer);
    return answer;
  }

  private static void assertLimited(HttpAnswer answer, String retryAfter) {
    assertThat(answer.status()).isEqualTo(429);
    assertThat(answer.headers().entrySet()).containsExactly(
        Map.entry("Content-Type", "application/json"), Map.entry("Retry-After", retryAfter));
    assertThat(answer.bodyText()).isEqualTo("{\"message\":\" Rate Limit Exceeded \"}");
  }

  @Test
  void retryAfterIsTheWaitUntilTheOldestRequestLeavesTheWindowRoundedUp() {
    IdentityUsageEndpoint endpoint = endpoint(RateLimit.perCaller(3, Duration.ofSeconds(10)));
    assertThat(call(endpoint, "u").status()).isEqualTo(200);          // t = 0
    clock.advance(Duration.ofSeconds(2));
    assertThat(call(endpoint, "u").status()).isEqualTo(200);          // t = 2
    clock.advance(Duration.ofSeconds(2));
    assertThat(call(endpoint, "u").status()).isEqualTo(200);          // t = 4
    clock.advance(Duration.ofSeconds(1));
    assertLimited(call(endpoint, "u"), "5");                          // t = 5: the t=0 one leaves at 10
    clock.advance(Duration.ofMillis(200));
    assertLimited(call(endpoint, "u"), "5");                          // 4.8 s → 5
    clock.advance(Duration.ofMillis(4500));
    assertLimited(call(endpoint, "u"), "1");                          // t = 9.7: 0.3 s → 1
    clock.advance(Duration.ofMillis(299).plusNanos(999_999));
    assertLimited(call(endpoint, "u"), "1");                          // 1 ns left → still 1, never 0
    clock.advance(Duration.ofNanos(1));
    assertThat(call(endpoint, "u").status()).isEqualTo(200);          // t = 10: the t=0 one has left
    clock.advance(Duration.ofMillis(500));
    assertLimited(call(endpoint, "u"), "2");                          // t = 10.5: the t=2 one leaves at 12 → 1.5 → 2
  }

  @Test
  void refusedRequestsDoNotCountAndCallersAreSeparate() {
    IdentityUsageEndpoint endpoint = endpoint(RateLimit.perCaller(1, Duration.ofSeconds(1)));
    assertThat(call(endpoint, "a").status()).isEqualTo(200);
    for (int i = 0; i < 50; i++) {
      assertLimited(call(endpoint, "a"), "1");
    }
    assertThat(call(endpoint, "b").status()).isEqualTo(200);
    // The same caller id in another tenant is another caller: admitted (and globex has no role pr).
    assertThat(call(endpoint, "a", "globex").status()).isEqualTo(404);
    clock.advance(Duration.ofSeconds(1));
    assertThat(call(endpoint, "a").status()).isEqualTo(200);
  }

  @Test
  void sailPointsDefaultIs100PerCallerPer10Seconds() {
    IdentityUsageEndpoint endpoint = endpoint(RateLimit.sailPointDefault());
    for (int i = 0; i < 100; i++) {
      assertThat(call(endpoint, "u").status()).isEqualTo(200);
    }
    assertLimited(call(endpoint, "u"), "10");
    clock.advance(Duration.ofMillis(9001));
    assertLimited(call(endpoint, "u"), "1");
    clock.advance(Duration.ofMillis(999));
    assertThat(call(endpoint, "u").status()).isEqualTo(200);
  }

  @Test
  void theEndpointDefaultLimitsTheAnonymousCaller() {
    // No rateLimit(...) set: the default applies (real clock; 101 in-memory calls take far less than 10 s).
    IdentityUsageEndpoint endpoint = IdentityUsageEndpoint.builder(Fixtures.acmeEngine())
        .defaultTenant(Fixtures.ACME).build();
    int limited = 0;
    for (int i = 0; i < 101; i++) {
      if (endpoint.handle(HttpCall.get(USAGE, EXPERIMENTAL)).status() == 429) {
        limited++;
      }
    }
    assertThat(limited).isEqualTo(1);
  }

  @Test
  void rateLimitedRequestsAreCheckedBeforeValidation() {
    IdentityUsageEndpoint endpoint = endpoint(RateLimit.perCaller(1, Duration.ofSeconds(1)));
    call(endpoint, "u");
    assertThat(endpoint.handle(HttpCall.get(USAGE + "?limit=999", Map.of("X-Caller", "u"))).status()).isEqualTo(429);
  }

  @Test
  void concurrentCallersNeverGetMoreThanTheLimit() throws Exception {
    // The clock stands still, so exactly 100 of 400 concurrent requests may pass.
    IdentityUsageEndpoint endpoint = endpoint(RateLimit.sailPointDefault());
    java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(8);
    try {
      List<java.util.concurrent.Future<Integer>> statuses = new ArrayList<>();
      for (int i = 0; i < 400; i++) {
        statuses.add(pool.submit(() -> endpoint.handle(HttpCall.get(USAGE,
            Map.of("X-SailPoint-Experimental", "true", "X-Caller", "u"))).status()));
      }
      int admitted = 0;
      for (java.util.concurrent.Future<Integer> s : statuses) {
        admitted += s.get() == 200 ? 1 : 0;
      }
      assertThat(admitted).isEqualTo(100);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void unlimitedNeverRefuses() {
    IdentityUsageEndpoint endpoint = endpoint(RateLimit.unlimited());
    for (int i = 0; i < 300; i++) {
      assertThat(call(endpoint, "u").status()).isEqualTo(200);
    }
  }

  @Test
  void idleCallersAreForgotten() {
    RateLimiter limiter = new RateLimiter(RateLimit.perCaller(5, Duration.ofSeconds(10)).withClock(clock));
    for (int i = 0; i < 1000; i++) {
      assertThat(limiter.tryAcquire(Caller.of("c" + i, Fixtures.ACME))).isZero();
    }
    assertThat(limiter.trackedCallers()).isEqualTo(1000);
    clock.advance(Duration.ofSeconds(10));
    limiter.prune(limiter.now());
    assertThat(limiter.trackedCallers()).isZero();
  }

  @Test
  void policiesAreChecked() {
    assertThatThrownBy(() -> RateLimit.perCaller(0, Duration.ofSeconds(1)))
        .hasMessage("requests must be at least 1 but was 0");
    assertThatThrownBy(() -> RateLimit.perCaller(1, Duration.ZERO)).hasMessage("window must be positive but was PT0S");
  }
}
