package dev.roleusage.http;

import dev.roleusage.model.TenantId;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The counters of one endpoint for a {@link RateLimit}: per caller, the instants of the admitted
 * requests still inside the window (a sliding log, at most {@code requests} entries each), so the
 * limit is exact and {@code Retry-After} is the time until the oldest entry expires.
 */
final class RateLimiter {
  private static final long NANOS_PER_SECOND = 1_000_000_000L;
  /** Every this many calls, callers idle for a whole window are forgotten, bounding memory. */
  private static final int PRUNE_EVERY = 4096;

  private record CallerKey(TenantId tenant, String id) {}

  private final RateLimit policy;
  private final long windowNanos;
  private final Map<CallerKey, ArrayDeque<Long>> logs = new ConcurrentHashMap<>();
  private final AtomicLong calls = new AtomicLong();

  RateLimiter(RateLimit policy) {
    this.policy = policy;
    this.windowNanos = policy.window().toNanos();
  }

  /**
   * Admits one request of {@code caller} (returns 0) or says in how many whole seconds, at least 1,
   * it may retry.
   */
  long tryAcquire(Caller caller) {
    if (policy.isUnlimited()) {
      return 0;
    }
    long now = nanos(policy.clock().instant());
    long[] retryNanos = {0};
    logs.compute(new CallerKey(caller.tenant(), caller.id()), (key, log) -> {
      ArrayDeque<Long> l = log == null ? new ArrayDeque<>() : log;
      expire(l, now);
      if (l.size() < policy.requests()) {
        l.addLast(now);
      } else {
        retryNanos[0] = l.peekFirst() + windowNanos - now;
      }
      return l;
    });
    if (calls.incrementAndGet() % PRUNE_EVERY == 0) {
      prune(now);
    }
    if (retryNanos[0] == 0) {
      return 0;
    }
    // Whole seconds, rounded up, at least 1 (CONTRACT §5).
    long seconds = (retryNanos[0] + NANOS_PER_SECOND - 1) / NANOS_PER_SECOND;
    return Math.max(1, seconds);
  }

  /** Number of callers currently tracked (for tests of pruning). */
  int trackedCallers() {
    return logs.size();
  }

  void prune(long now) {
    for (CallerKey key : logs.keySet()) {
      logs.computeIfPresent(key, (k, l) -> {
        expire(l, now);
        return l.isEmpty() ? null : l;
      });
    }
  }

  long now() {
    return nanos(policy.clock().instant());
  }

  private void expire(ArrayDeque<Long> log, long now) {
    // An entry admitted at t is inside the window (now − window, now] until now ≥ t + window.
    while (!log.isEmpty() && log.peekFirst() <= now - windowNanos) {
      log.pollFirst();
    }
  }

  private static long nanos(Instant instant) {
    return Math.addExact(Math.multiplyExact(instant.getEpochSecond(), NANOS_PER_SECOND), instant.getNano());
  }
}
