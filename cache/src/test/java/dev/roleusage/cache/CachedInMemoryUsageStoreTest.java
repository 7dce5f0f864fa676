package dev.roleusage.cache;

import dev.roleusage.contract.UsageStoreContract;
import dev.roleusage.spi.UsageStore;
import dev.roleusage.storage.memory.InMemoryUsageStore;

/** The contract suite with the cache in front of the in-memory store. */
class CachedInMemoryUsageStoreTest extends UsageStoreContract {
  @Override
  protected UsageStore newStore() {
    return CachedUsageStore.wrap(new InMemoryUsageStore());
  }
}
