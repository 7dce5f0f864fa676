package dev.roleusage.storage.jdbi;

import dev.roleusage.contract.UsageStoreContract;
import dev.roleusage.spi.UsageStore;
import org.junit.jupiter.api.AfterAll;

/** The contract suite on an H2 file database under target/: every test gets a store with no data. */
class H2FileContractTest extends UsageStoreContract {
  private static final FreshStores STORES = FreshStores.h2File();

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
