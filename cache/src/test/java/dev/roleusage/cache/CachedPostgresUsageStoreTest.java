package dev.roleusage.cache;

import dev.roleusage.contract.UsageStoreContract;
import dev.roleusage.spi.UsageStore;
import dev.roleusage.storage.jdbi.JdbiUsageStore;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import org.h2.jdbcx.JdbcConnectionPool;
import org.junit.jupiter.api.AfterAll;
import org.postgresql.ds.PGConnectionPoolDataSource;

/**
 * The contract suite with the cache in front of the Jdbi store on PostgreSQL (127.0.0.1:5432,
 * database {@code test}): every test gets a new schema, dropped when the test ends. Sessions run in
 * Pacific/Kiritimati so that a dependence on the session zone would show.
 */
class CachedPostgresUsageStoreTest extends UsageStoreContract {
  private static final String URL = "jdbc:postgresql://127.0.0.1:5432/test?user=postgres"
      + "&options=-c%20TimeZone%3DPacific/Kiritimati&ApplicationName=roleusage-cache-tests";
  private static final JdbcConnectionPool POOL = pool();

  private static JdbcConnectionPool pool() {
    PGConnectionPoolDataSource pg = new PGConnectionPoolDataSource();
    pg.setURL(URL);
    JdbcConnectionPool pool = JdbcConnectionPool.create(pg);
    pool.setMaxConnections(4);
    pool.setLoginTimeout(5);
    return pool;
  }

  @AfterAll
  static void closePool() {
    POOL.dispose();
  }

  @Override
  protected UsageStore newStore() {
    String schema = "rut_cache_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    return CachedUsageStore.wrap(JdbiUsageStore.builder(POOL).schema(schema).build());
  }

  @Override
  protected void releaseStore(UsageStore store) throws SQLException {
    JdbiUsageStore jdbi = (JdbiUsageStore) ((CachedUsageStore) store).delegate();
    jdbi.close();
    String schema = jdbi.schema().orElseThrow();
    try (Connection c = POOL.getConnection(); Statement s = c.createStatement()) {
      s.execute("DROP SCHEMA IF EXISTS \"" + schema + "\" CASCADE");
    }
  }
}
