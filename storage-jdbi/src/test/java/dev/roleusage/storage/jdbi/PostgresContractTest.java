package dev.roleusage.storage.jdbi;

import dev.roleusage.contract.UsageStoreContract;
import dev.roleusage.spi.UsageStore;
import org.junit.jupiter.api.AfterAll;

/** The contract suite on PostgreSQL: every test gets a store in a new schema, with no data. */
class PostgresContractTest extends UsageStoreContract {
  private static final FreshStores STORES = FreshStores.postgres(PostgresContractTest.class);

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
