package dev.roleusage.cli;

import dev.roleusage.cache.CachedUsageStore;
import dev.roleusage.spi.UsageStore;

/** The result cache in front of the store (module cache), on unless {@code --no-cache}. */
final class StoreCache {
  private StoreCache() {}

  static UsageStore wrap(UsageStore store) {
    return CachedUsageStore.wrap(store);
  }
}
