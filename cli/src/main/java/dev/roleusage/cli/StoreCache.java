package dev.roleusage.cli;

import dev.roleusage.cache.CachedUsageStore;
import dev.roleusage.spi.UsageStore;
import java.time.Duration;

/**
 * The result cache in front of the store (module cache), on unless {@code --no-cache}.
 *
 * <p>The cache sees every write made through it, but not writes that another process makes to
 * a shared database (an {@code import} while {@code serve} runs on the same PostgreSQL). For a
 * database store an entry therefore lives at most {@link #SHARED_DATABASE_TTL} after it was
 * loaded, so another process's writes show within that time; a {@code memory:} store has no other
 * writer and keeps the cache's defaults.
 */
final class StoreCache {
  /** How long a database store's cached answer may lag a write made by another process. */
  static final Duration SHARED_DATABASE_TTL = Duration.ofSeconds(5);

  private StoreCache() {}

  static UsageStore wrap(UsageStore store, StoreUrl url) {
    if (url.isMemory()) {
      return CachedUsageStore.wrap(store);
    }
    return CachedUsageStore.builder(store).expireAfterWrite(SHARED_DATABASE_TTL).build();
  }
}
