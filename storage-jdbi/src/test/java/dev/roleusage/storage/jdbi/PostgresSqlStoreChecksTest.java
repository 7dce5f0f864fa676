package dev.roleusage.storage.jdbi;

import javax.sql.DataSource;
import org.h2.jdbcx.JdbcConnectionPool;
import org.junit.jupiter.api.AfterAll;

/** {@link SqlStoreChecks} on PostgreSQL, in a schema of its own. */
class PostgresSqlStoreChecksTest extends SqlStoreChecks {
  private static final PostgresSchema DB = PostgresSchema.create(PostgresSqlStoreChecksTest.class);

  @AfterAll
  static void drop() {
    DB.close();
  }

  @Override JdbiUsageStore store() { return DB.store; }
  @Override DataSource admin() { return DB.pool; }
  @Override String table(String table) { return "\"" + DB.name + "\"." + table; }
  @Override JdbcConnectionPool pool(int max) { return PostgresSchema.pool(max); }
  @Override JdbiUsageStore.Builder sameSchema(DataSource dataSource) {
    return JdbiUsageStore.builder(dataSource).schema(DB.name);
  }
}
