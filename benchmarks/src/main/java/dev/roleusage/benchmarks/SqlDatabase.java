package dev.roleusage.benchmarks;

import dev.roleusage.query.IdentityUsage;
import dev.roleusage.query.IdentityUsageQuery;
import dev.roleusage.query.Sorter;
import dev.roleusage.storage.jdbi.JdbiUsageStore;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * A loaded SQL database for the benchmarks: the adapter ({@link JdbiUsageStore}) and, beside it,
 * one plain JDBC connection running the same statements the adapter runs, for the overhead ratio.
 *
 * <ul>
 *   <li>H2: a named in-memory database ({@code jdbc:h2:mem:…}), loaded through the adapter once
 *       per trial.
 *   <li>PostgreSQL: 127.0.0.1:5432, database {@code test}, user {@code postgres}, schema
 *       {@code ru_bench_<n>}. The data outlives the JVM, so a trial reuses a schema whose marker
 *       says it holds this very population (n, seed, generator version) and loads it otherwise:
 *       loading 100,000 members takes longer than measuring them, once per fork.
 * </ul>
 */
final class SqlDatabase implements AutoCloseable {
  /** Bump when {@link Population} changes what it generates, so stale PostgreSQL schemas reload. */
  static final int GENERATOR_VERSION = 1;
  static final String POSTGRES = "jdbc:postgresql://127.0.0.1:5432/test?user=postgres";

  final JdbiUsageStore store;
  final Connection jdbc;
  /** Wall time the load took in this trial (0 when a PostgreSQL schema was reused). */
  final long loadMillis;

  private SqlDatabase(JdbiUsageStore store, Connection jdbc, long loadMillis) {
    this.store = store;
    this.jdbc = jdbc;
    this.loadMillis = loadMillis;
  }

  /**
   * The database {@code kind} loaded with {@code population}; with {@code reuse}, a PostgreSQL
   * schema already holding it is used as is (benchmarks that write pass false and get their own).
   */
  static SqlDatabase open(String kind, Population population, boolean reuse) throws SQLException {
    long start = System.nanoTime();
    switch (kind) {
      case "h2": {
        String url = "jdbc:h2:mem:ru_bench_" + population.n + (reuse ? "" : "_written");
        JdbiUsageStore store = JdbiUsageStore.forJdbcUrl(url);
        population.loadInto(store, Population.defaultBatch(population.n));
        long took = (System.nanoTime() - start) / 1_000_000;
        return new SqlDatabase(store, readOnly(DriverManager.getConnection(url)), took);
      }
      case "postgresql": {
        String schema = (reuse ? "ru_bench_" : "ru_bench_written_") + population.n;
        String fingerprint = "n=" + population.n + ";seed=" + population.seed + ";v=" + GENERATOR_VERSION;
        try (Connection admin = DriverManager.getConnection(POSTGRES); Statement s = admin.createStatement()) {
          s.execute("CREATE SCHEMA IF NOT EXISTS " + schema);
          s.execute("CREATE TABLE IF NOT EXISTS " + schema + ".ru_bench_loaded (fingerprint VARCHAR(200) NOT NULL)");
        }
        String url = POSTGRES + "&currentSchema=" + schema;
        JdbiUsageStore store = JdbiUsageStore.forJdbcUrl(url);
        long took = 0;
        if (!reuse || !loaded(schema, fingerprint)) {
          try (Connection admin = DriverManager.getConnection(POSTGRES); Statement s = admin.createStatement()) {
            s.execute("TRUNCATE " + schema + ".ru_bench_loaded, " + schema + ".ru_identity, "
                + schema + ".ru_potential_role, " + schema + ".ru_source, " + schema + ".ru_membership, "
                + schema + ".ru_usage_day");
          }
          population.loadInto(store, Population.defaultBatch(population.n));
          try (Connection admin = DriverManager.getConnection(POSTGRES); Statement s = admin.createStatement()) {
            if (reuse) {
              // What autovacuum does some time after a bulk load, done now so every run reads the
              // same state: without it the visibility map is empty and each index-only probe of
              // ru_usage_day also visits the heap (1.5x the query time at 100k members).
              for (String table : new String[] {"ru_usage_day", "ru_membership", "ru_identity"}) {
                s.execute("VACUUM ANALYZE " + schema + "." + table);
              }
            }
            s.execute("INSERT INTO " + schema + ".ru_bench_loaded VALUES ('" + fingerprint + "')");
          }
          took = (System.nanoTime() - start) / 1_000_000;
        }
        return new SqlDatabase(store, readOnly(DriverManager.getConnection(url)), took);
      }
      default:
        throw new IllegalArgumentException("unknown SQL store " + kind + " (h2 or postgresql)");
    }
  }

  private static boolean loaded(String schema, String fingerprint) throws SQLException {
    try (Connection c = DriverManager.getConnection(POSTGRES);
        PreparedStatement p = c.prepareStatement("SELECT COUNT(*) FROM " + schema + ".ru_bench_loaded WHERE fingerprint = ?")) {
      p.setString(1, fingerprint);
      try (ResultSet rs = p.executeQuery()) {
        rs.next();
        return rs.getLong(1) == 1;
      }
    }
  }

  /** The plain connection, set up once the way the adapter sets up each read transaction. */
  private static Connection readOnly(Connection c) throws SQLException {
    c.setAutoCommit(false);
    c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
    return c;
  }

  /**
   * What the adapter runs for one page, in plain JDBC: the existence-and-total query, then the
   * page query, in one repeatable-read transaction. The SQL is storage-jdbi's (Statements), with
   * positional parameters; {@link SqlStoreBenchmark} checks before timing that it returns the
   * adapter's rows, so a change of the adapter's SQL cannot go unnoticed.
   */
  List<IdentityUsage> page(IdentityUsageQuery q) throws SQLException {
    List<IdentityUsage> rows = new ArrayList<>(q.limit());
    long total;
    try (PreparedStatement p = jdbc.prepareStatement(LOOKUP_AND_TOTAL)) {
      p.setString(1, Population.TENANT.value());
      p.setString(2, q.potentialRoleId());
      p.setString(3, Population.TENANT.value());
      p.setString(4, q.sourceId());
      p.setString(5, Population.TENANT.value());
      p.setString(6, q.potentialRoleId());
      try (ResultSet rs = p.executeQuery()) {
        rs.next();
        total = rs.getLong(3);
      }
    }
    if (q.limit() > 0 && q.offset() < total) {
      try (PreparedStatement p = jdbc.prepareStatement(page(q.sorters()))) {
        p.setString(1, q.sourceId());
        p.setInt(2, Population.WINDOW.firstEpochDay());
        p.setInt(3, Population.WINDOW.lastEpochDay());
        p.setString(4, Population.TENANT.value());
        p.setString(5, q.potentialRoleId());
        p.setInt(6, q.offset());
        p.setInt(7, q.limit());
        try (ResultSet rs = p.executeQuery()) {
          while (rs.next()) {
            rows.add(new IdentityUsage(rs.getString(1), rs.getString(2), rs.getString(3), rs.getInt(4)));
          }
        }
      }
    }
    jdbc.commit();
    return rows;
  }

  private static final String LOOKUP_AND_TOTAL = "SELECT"
      + " (SELECT COUNT(*) FROM ru_potential_role WHERE tenant = ? AND id = ?) AS roles,"
      + " (SELECT COUNT(*) FROM ru_source WHERE tenant = ? AND id = ?) AS sources,"
      + " (SELECT COUNT(*) FROM ru_membership WHERE tenant = ? AND role_id = ?) AS members";

  private static final String TABLE = "SELECT m.identity_id, i.display_name, i.email,"
      + " (SELECT COUNT(*) FROM ru_usage_day u WHERE u.tenant = m.tenant AND u.source_id = ?"
      + "   AND u.identity_id = m.identity_id AND u.epoch_day BETWEEN ? AND ?) AS usage_count"
      + " FROM ru_membership m"
      + " LEFT JOIN ru_identity i ON i.tenant = m.tenant AND i.id = m.identity_id"
      + " WHERE m.tenant = ? AND m.role_id = ?";

  private static String page(List<Sorter> sorters) {
    StringBuilder sql = new StringBuilder(TABLE).append(" ORDER BY ");
    for (Sorter s : sorters) {
      String direction = s.descending() ? " DESC" : " ASC";
      switch (s.field()) {
        case DISPLAY_NAME:
          sql.append("i.display_name_key").append(direction).append(" NULLS LAST, ")
              .append("i.display_name_tie").append(direction).append(" NULLS LAST, ");
          break;
        case EMAIL:
          sql.append("i.email_key").append(direction).append(" NULLS LAST, ")
              .append("i.email_tie").append(direction).append(" NULLS LAST, ");
          break;
        case USAGE_COUNT:
          sql.append("usage_count").append(direction).append(", ");
          break;
        default:
          throw new AssertionError(s.field());
      }
    }
    return sql.append("m.identity_key ASC OFFSET ? ROWS FETCH NEXT ? ROWS ONLY").toString();
  }

  @Override
  public void close() throws SQLException {
    try {
      jdbc.close();
    } finally {
      store.close();
    }
  }
}
