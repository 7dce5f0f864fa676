package dev.roleusage.storage.jdbi;

import dev.roleusage.contract.UsageStoreContract;
import dev.roleusage.spi.UsageStore;
import org.junit.jupiter.api.AfterAll;

/** The contract suite on PostgreSQL, in a schema of its own (each test uses a fresh tenant). */
class PostgresContractTest extends UsageStoreContract {
  private static final PostgresSchema DB = PostgresSchema.create(PostgresContractTest.class);

  @AfterAll
  static void drop() {
    DB.close();
  }

  @Override
  protected UsageStore newStore() {
    return DB.store;
  }
}
