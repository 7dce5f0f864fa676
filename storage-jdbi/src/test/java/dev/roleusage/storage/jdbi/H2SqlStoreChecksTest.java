package dev.roleusage.storage.jdbi;

import java.util.UUID;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcConnectionPool;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterAll;

/** {@link SqlStoreChecks} on in-memory H2, in a schema of its own through a host-provided pool. */
class H2SqlStoreChecksTest extends SqlStoreChecks {
  private static final String URL = "jdbc:h2:mem:checks-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
  private static final String SCHEMA = "roleusage_checks";
  private static final JdbcConnectionPool POOL = h2Pool(4);
  private static final JdbiUsageStore STORE = JdbiUsageStore.builder(POOL).schema(SCHEMA).build();

  private static JdbcConnectionPool h2Pool(int max) {
    JdbcDataSource h2 = new JdbcDataSource();
    h2.setURL(URL);
    JdbcConnectionPool pool = JdbcConnectionPool.create(h2);
    pool.setMaxConnections(max);
    pool.setLoginTimeout(5);
    return pool;
  }

  @AfterAll
  static void shutDown() {
    PostgresSchema.execute(POOL, "SHUTDOWN");
    POOL.dispose();
  }

  @Override JdbiUsageStore store() { return STORE; }
  @Override DataSource admin() { return POOL; }
  @Override String table(String table) { return "\"" + SCHEMA + "\"." + table; }
  @Override JdbcConnectionPool pool(int max) { return h2Pool(max); }
  @Override JdbiUsageStore.Builder sameSchema(DataSource dataSource) {
    return JdbiUsageStore.builder(dataSource).schema(SCHEMA);
  }
}
