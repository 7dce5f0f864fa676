package dev.roleusage.storage.jdbi;

import dev.roleusage.contract.UsageStoreContract;
import dev.roleusage.spi.UsageStore;
import org.junit.jupiter.api.AfterAll;

/** The contract suite on an in-memory H2 database: every test gets a store with no data. */
class H2MemoryContractTest extends UsageStoreContract {
  private static final FreshStores STORES = FreshStores.h2Memory();

  @AfterAll
  static void close() {
    STORES.close();
  }

  @Override
  protected UsageStore newStore() {
    return STORES.next();
  }

  @Override
  protected void releaseStore(UsageStore store) {
    STORES.release(store);
  }
}
