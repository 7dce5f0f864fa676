package dev.roleusage.cache;

import dev.roleusage.contract.UsageStoreContract;
import dev.roleusage.spi.UsageStore;
import dev.roleusage.storage.jdbi.JdbiUsageStore;

/** The contract suite with the cache in front of the Jdbi store on a new in-memory H2 database per test. */
class CachedH2UsageStoreTest extends UsageStoreContract {
  @Override
  protected UsageStore newStore() {
    return CachedUsageStore.wrap(JdbiUsageStore.forJdbcUrl("jdbc:h2:mem:"));
  }

  @Override
  protected void releaseStore(UsageStore store) {
    ((JdbiUsageStore) ((CachedUsageStore) store).delegate()).close();  // drops the in-memory database
  }
}
