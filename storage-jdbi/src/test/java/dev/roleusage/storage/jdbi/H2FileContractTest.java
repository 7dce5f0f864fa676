package dev.roleusage.storage.jdbi;

import dev.roleusage.contract.UsageStoreContract;
import dev.roleusage.spi.UsageStore;
import java.nio.file.Path;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;

/** The contract suite on an H2 file database under target/ (each test uses a fresh tenant). */
class H2FileContractTest extends UsageStoreContract {
  private static final JdbiUsageStore STORE = JdbiUsageStore.forJdbcUrl("jdbc:h2:file:"
      + Path.of("target", "h2-contract", UUID.randomUUID().toString(), "usage").toAbsolutePath());

  @AfterAll
  static void close() {
    STORE.close();
  }

  @Override
  protected UsageStore newStore() {
    return STORE;
  }
}
