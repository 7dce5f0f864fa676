package dev.roleusage.storage.jdbi;

import dev.roleusage.spi.StoreException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.ConnectionPoolDataSource;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcConnectionPool;
import org.h2.jdbcx.JdbcDataSource;
import org.postgresql.ds.PGConnectionPoolDataSource;

/**
 * The small connection pool {@link JdbiUsageStore#forJdbcUrl} opens for itself (H2's
 * {@link JdbcConnectionPool}, which pools any {@link ConnectionPoolDataSource}, so no extra
 * dependency). For an in-memory H2 database it also holds one connection outside the pool for the
 * store's lifetime: H2 drops an in-memory database when its last connection closes.
 */
final class OwnedPool implements AutoCloseable {
  static final int MAX_CONNECTIONS = 8;
  private static final Pattern UNNAMED_H2_MEM = Pattern.compile("(?i)^jdbc:h2:mem:(?=;|$)");

  private final JdbcConnectionPool pool;
  private final Connection keepAlive;

  private OwnedPool(JdbcConnectionPool pool, Connection keepAlive) {
    this.pool = pool;
    this.keepAlive = keepAlive;
  }

  static OwnedPool open(SqlDialect dialect, String url) {
    ConnectionPoolDataSource source;
    Connection keepAlive = null;
    if (dialect == SqlDialect.H2) {
      Matcher unnamed = UNNAMED_H2_MEM.matcher(url);
      String named = unnamed.find() ? unnamed.replaceFirst("jdbc:h2:mem:roleusage-" + UUID.randomUUID()) : url;
      JdbcDataSource h2 = new JdbcDataSource();
      h2.setURL(named);
      source = h2;
      if (named.regionMatches(true, 0, "jdbc:h2:mem:", 0, 12)) {
        keepAlive = connect(h2);
      }
    } else {
      PGConnectionPoolDataSource pg = new PGConnectionPoolDataSource();
      try {
        pg.setURL(url);
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("not a valid PostgreSQL JDBC URL: " + e.getMessage(), e);
      }
      source = pg;
    }
    JdbcConnectionPool pool = JdbcConnectionPool.create(source);
    pool.setMaxConnections(MAX_CONNECTIONS);
    return new OwnedPool(pool, keepAlive);
  }

  private static Connection connect(DataSource source) {
    try {
      return source.getConnection();
    } catch (SQLException e) {
      throw new StoreException("could not open the in-memory H2 database (SQLState " + e.getSQLState() + ")", e);
    }
  }

  DataSource dataSource() {
    return pool;
  }

  /** Connections borrowed and not yet returned (for tests that prove nothing leaks). */
  int activeConnections() {
    return pool.getActiveConnections();
  }

  @Override
  public void close() {
    pool.dispose();
    if (keepAlive != null) {
      try {
        keepAlive.close();
      } catch (SQLException e) {
        throw new StoreException("could not close the in-memory H2 database (SQLState " + e.getSQLState() + ")", e);
      }
    }
  }
}
