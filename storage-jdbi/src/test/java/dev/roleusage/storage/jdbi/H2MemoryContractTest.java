package dev.roleusage.storage.jdbi;

import dev.roleusage.contract.UsageStoreContract;
import dev.roleusage.spi.UsageStore;
import org.junit.jupiter.api.AfterAll;

/** The contract suite on an in-memory H2 database (each test uses a fresh tenant). */
class H2MemoryContractTest extends UsageStoreContract {
  private static final JdbiUsageStore STORE = JdbiUsageStore.forJdbcUrl("jdbc:h2:mem:");

  @AfterAll
  static void close() {
    STORE.close();
  }

  @Override
  protected UsageStore newStore() {
    return STORE;
  }
}
