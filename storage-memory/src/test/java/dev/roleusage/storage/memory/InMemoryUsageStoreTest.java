package dev.roleusage.storage.memory;

import dev.roleusage.contract.UsageStoreContract;
import dev.roleusage.spi.UsageStore;

/** The contract suite against the in-memory store. */
class InMemoryUsageStoreTest extends UsageStoreContract {
  @Override
  protected UsageStore newStore() {
    return new InMemoryUsageStore();
  }

  /** Memory is cheap: many more random seeds than the SQL stores run. */
  @Override
  protected int propertyTries() {
    return 400;
  }
}
