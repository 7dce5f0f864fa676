package dev.roleusage.storage.jdbi;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.UUID;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcConnectionPool;
import org.postgresql.ds.PGConnectionPoolDataSource;

/**
 * A schema of its own in the test PostgreSQL (127.0.0.1:5432, database {@code test}, user
 * {@code postgres}), dropped on close, so that test classes and concurrent runs never collide.
 * Sessions run in Pacific/Kiritimati (UTC+14) so that any dependence on the session's time zone
 * would show.
 */
final class PostgresSchema implements AutoCloseable {
  static final String URL = "jdbc:postgresql://127.0.0.1:5432/test?user=postgres"
      + "&options=-c%20TimeZone%3DPacific/Kiritimati&ApplicationName=roleusage-tests";

  final String name;
  final JdbcConnectionPool pool;
  final JdbiUsageStore store;

  private PostgresSchema(String name, JdbcConnectionPool pool, JdbiUsageStore store) {
    this.name = name;
    this.pool = pool;
    this.store = store;
  }

  /** A new schema named after {@code owner}, with the roleusage schema installed by the store. */
  static PostgresSchema create(Class<?> owner) {
    String name = uniqueName(owner);
    JdbcConnectionPool pool = pool(4);
    JdbiUsageStore store = JdbiUsageStore.builder(pool).schema(name).build();
    return new PostgresSchema(name, pool, store);
  }

  static String uniqueName(Class<?> owner) {
    String base = owner.getSimpleName().toLowerCase(Locale.ROOT);
    base = base.substring(0, Math.min(base.length(), 40));
    return "rut_" + base + "_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
  }

  /** A pool of at most {@code max} connections that gives up waiting after 5 s. */
  static JdbcConnectionPool pool(int max) {
    PGConnectionPoolDataSource pg = new PGConnectionPoolDataSource();
    pg.setURL(URL);
    JdbcConnectionPool pool = JdbcConnectionPool.create(pg);
    pool.setMaxConnections(max);
    pool.setLoginTimeout(5);
    return pool;
  }

  static void execute(DataSource dataSource, String sql) {
    try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
      s.execute(sql);
    } catch (SQLException e) {
      throw new IllegalStateException(sql, e);
    }
  }

  @Override
  public void close() {
    try {
      execute(pool, "DROP SCHEMA IF EXISTS \"" + name + "\" CASCADE");
    } finally {
      pool.dispose();
    }
  }
}
