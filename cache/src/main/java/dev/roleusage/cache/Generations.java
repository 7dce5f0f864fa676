package dev.roleusage.cache;

import dev.roleusage.model.TenantId;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One write counter per tenant. The counter only grows, and it is advanced <em>after</em> the
 * store has applied a write (whether the write returned or threw), before the write returns to
 * its caller.
 *
 * <p>Why that is enough (the invalidate-during-load race): a read captures its tenant's
 * generation {@code g} first and only then looks up, or loads, the entry for {@code g}. If a read
 * R starts after a write W has returned, R sees {@code g ≥ g_W}, the value W advanced to. Any load
 * that fills the entry for {@code g} was started by a read that had itself seen the counter at
 * {@code g}, which the counter reached no earlier than W's advance, which happened after the store
 * applied W; so that load started after the store applied W and (by the store's own contract)
 * reads W. A load that began before W, however slow, can only fill an entry of an older
 * generation, which no later read asks for.
 */
final class Generations {
  private final ConcurrentHashMap<TenantId, AtomicLong> counters = new ConcurrentHashMap<>();

  /** The tenant's current generation; 0 until its first write. Does not allocate for readers. */
  long current(TenantId tenant) {
    AtomicLong counter = counters.get(tenant);
    return counter == null ? 0 : counter.get();
  }

  /** Moves the tenant to a new generation and returns it. */
  long advance(TenantId tenant) {
    return counters.computeIfAbsent(tenant, t -> new AtomicLong()).incrementAndGet();
  }
}
