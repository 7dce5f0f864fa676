package dev.roleusage.http;

import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

/**
 * How many requests one caller may make in a sliding window (→ 429 with {@code Retry-After}).
 * The default is SailPoint's documented limit, {@code perCaller(100, Duration.ofSeconds(10))}.
 *
 * <p>A caller is (tenant, {@link Caller#id()}). The window slides: a request is admitted when the
 * caller had fewer than {@code requests} admitted requests in the {@code window} before it;
 * otherwise {@code Retry-After} says when the oldest of those leaves the window, in whole seconds
 * rounded up, at least 1. Refused requests do not count. With the default authenticator every
 * request is the same anonymous caller, so the limit is endpoint-wide.
 *
 * <p>This is an immutable policy; each endpoint built with it keeps its own counters.
 */
public final class RateLimit {
  private final int requests;
  private final Duration window;
  private final Clock clock;

  private RateLimit(int requests, Duration window, Clock clock) {
    this.requests = requests;
    this.window = window;
    this.clock = clock;
  }

  /** At most {@code requests} per caller in any {@code window}, by the system clock. */
  public static RateLimit perCaller(int requests, Duration window) {
    if (requests < 1) {
      throw new IllegalArgumentException("requests must be at least 1 but was " + requests);
    }
    Objects.requireNonNull(window, "window");
    if (window.isNegative() || window.isZero()) {
      throw new IllegalArgumentException("window must be positive but was " + window);
    }
    return new RateLimit(requests, window, Clock.systemUTC());
  }

  /** SailPoint's documented limit: 100 requests per caller per 10 seconds. */
  public static RateLimit sailPointDefault() {
    return perCaller(100, Duration.ofSeconds(10));
  }

  /** No limit at all (a host that limits in front of the facade). */
  public static RateLimit unlimited() {
    return new RateLimit(0, Duration.ZERO, Clock.systemUTC());
  }

  /** The same policy measured by {@code clock} (tests inject a fake one). */
  public RateLimit withClock(Clock clock) {
    return new RateLimit(requests, window, Objects.requireNonNull(clock, "clock"));
  }

  public boolean isUnlimited() {
    return requests == 0;
  }

  /** Requests admitted per window; 0 when unlimited. */
  public int requests() {
    return requests;
  }

  /** The window; zero when unlimited. */
  public Duration window() {
    return window;
  }

  public Clock clock() {
    return clock;
  }

  @Override
  public String toString() {
    return isUnlimited() ? "RateLimit[unlimited]" : "RateLimit[" + requests + " per " + window + " per caller]";
  }
}
