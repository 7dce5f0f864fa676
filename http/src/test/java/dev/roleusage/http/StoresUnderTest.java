package dev.roleusage.http;

import dev.roleusage.cache.CachedUsageStore;
import dev.roleusage.spi.UsageStore;
import dev.roleusage.storage.jdbi.JdbiUsageStore;
import dev.roleusage.storage.jdbi.SqlDialect;
import dev.roleusage.storage.memory.InMemoryUsageStore;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * Every store the facade's answers are compared across: each must give byte-identical bodies and
 * headers for the same data and request (CONTRACT, preamble). PostgreSQL runs at 127.0.0.1:5432
 * (user postgres, database test), each store in a fresh schema that is dropped on close.
 */
final class StoresUnderTest {
  static final String PG_URL = "jdbc:postgresql://127.0.0.1:5432/test?user=postgres";

  /** An open store and what releases it (the SQL store under a cache, a PostgreSQL schema). */
  record OpenStore(UsageStore store, AutoCloseable release) implements AutoCloseable {
    @Override
    public void close() throws Exception {
      release.close();
    }
  }

  /** A named way to get a fresh, empty store. */
  record StoreUnderTest(String name, Supplier<OpenStore> open) {
    @Override
    public String toString() {
      return name;
    }
  }

  private StoresUnderTest() {}

  static List<StoreUnderTest> all() {
    return List.of(
        new StoreUnderTest("memory", () -> new OpenStore(new InMemoryUsageStore(), () -> {})),
        new StoreUnderTest("memory+cache",
            () -> new OpenStore(CachedUsageStore.wrap(new InMemoryUsageStore()), () -> {})),
        new StoreUnderTest("h2", () -> {
          JdbiUsageStore h2 = JdbiUsageStore.forJdbcUrl("jdbc:h2:mem:");
          return new OpenStore(h2, h2);
        }),
        new StoreUnderTest("h2+cache", () -> {
          JdbiUsageStore h2 = JdbiUsageStore.forJdbcUrl("jdbc:h2:mem:");
          return new OpenStore(CachedUsageStore.wrap(h2), h2);
        }),
        new StoreUnderTest("postgresql", StoresUnderTest::postgres));
  }

  /** A PostgreSQL store in a schema of its own, dropped on close. */
  private static OpenStore postgres() {
    String schema = "http_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
    PGSimpleDataSource ds = new PGSimpleDataSource();
    ds.setURL(PG_URL);
    JdbiUsageStore store = JdbiUsageStore.builder(ds).dialect(SqlDialect.POSTGRESQL).schema(schema).build();
    return new OpenStore(store, () -> {
      store.close();
      try (Connection c = DriverManager.getConnection(PG_URL); Statement s = c.createStatement()) {
        s.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
      }
    });
  }
}
