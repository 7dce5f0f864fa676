package dev.roleusage.storage.jdbi;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.h2.jdbcx.JdbcConnectionPool;

/**
 * Hands the contract suite a store with no data at all on every {@code newStore()} call (as a new
 * memory store would be), whatever tenants the suite uses, and removes them all at the end: a new
 * in-memory or file H2 database, or a new PostgreSQL schema on one shared pool.
 */
final class FreshStores implements AutoCloseable {
  private enum Kind { H2_MEMORY, H2_FILE, POSTGRES }

  private final Kind kind;
  private final Class<?> owner;
  private final List<JdbiUsageStore> stores = new ArrayList<>();
  private final List<String> schemas = new ArrayList<>();
  private JdbcConnectionPool postgresPool;

  private FreshStores(Kind kind, Class<?> owner) {
    this.kind = kind;
    this.owner = owner;
  }

  static FreshStores h2Memory() {
    return new FreshStores(Kind.H2_MEMORY, null);
  }

  static FreshStores h2File() {
    return new FreshStores(Kind.H2_FILE, null);
  }

  static FreshStores postgres(Class<?> owner) {
    return new FreshStores(Kind.POSTGRES, owner);
  }

  synchronized JdbiUsageStore next() {
    JdbiUsageStore store;
    switch (kind) {
      case H2_MEMORY:
        store = JdbiUsageStore.forJdbcUrl("jdbc:h2:mem:");
        break;
      case H2_FILE:
        store = JdbiUsageStore.forJdbcUrl("jdbc:h2:file:"
            + Path.of("target", "h2-contract", UUID.randomUUID().toString(), "usage").toAbsolutePath());
        break;
      default:
        if (postgresPool == null) {
          postgresPool = PostgresSchema.pool(4);
        }
        String schema = PostgresSchema.uniqueName(owner);
        schemas.add(schema);
        store = JdbiUsageStore.builder(postgresPool).schema(schema).build();
    }
    stores.add(store);
    return store;
  }

  /** Closes {@code store} (dropping an in-memory database) and drops its PostgreSQL schema. */
  synchronized void release(Object store) {
    int i = stores.indexOf(store);
    if (i < 0) {
      return;
    }
    JdbiUsageStore released = stores.remove(i);
    released.close();
    released.schema().ifPresent(schema -> {
      PostgresSchema.execute(postgresPool, "DROP SCHEMA IF EXISTS \"" + schema + "\" CASCADE");
      schemas.remove(schema);
    });
  }

  @Override
  public synchronized void close() {
    stores.forEach(JdbiUsageStore::close);
    if (postgresPool != null) {
      try {
        for (String schema : schemas) {
          PostgresSchema.execute(postgresPool, "DROP SCHEMA IF EXISTS \"" + schema + "\" CASCADE");
        }
      } finally {
        postgresPool.dispose();
      }
    }
  }
}
