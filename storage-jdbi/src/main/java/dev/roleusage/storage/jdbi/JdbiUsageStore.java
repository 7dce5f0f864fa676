package dev.roleusage.storage.jdbi;

import dev.roleusage.model.ChangeSet;
import dev.roleusage.model.TenantId;
import dev.roleusage.query.UsagePage;
import dev.roleusage.spi.Lookup;
import dev.roleusage.spi.PageRequest;
import dev.roleusage.spi.StoreException;
import dev.roleusage.spi.TableRequest;
import dev.roleusage.spi.UsageStore;
import dev.roleusage.spi.UsageTable;
import java.sql.SQLException;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.JdbiException;
import org.jdbi.v3.core.transaction.TransactionIsolationLevel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@link UsageStore} in a SQL database, through Jdbi: embedded H2 (in-memory or file) with no
 * set-up, or PostgreSQL in production. It answers exactly as the in-memory store does, byte for
 * byte: rows, order, totals and not-found results (CONTRACT §2–§4).
 *
 * <pre>{@code
 * // Embedded, for a single process: the schema is installed on first use.
 * JdbiUsageStore store = JdbiUsageStore.forJdbcUrl("jdbc:h2:file:./roleusage-data/usage");
 *
 * // PostgreSQL, through the host's connection pool.
 * JdbiUsageStore store = JdbiUsageStore.builder(hikariDataSource)
 *     .dialect(SqlDialect.POSTGRESQL)   // optional: detected from the connection when omitted
 *     .schema("roleusage")              // optional: tables go into this schema (created if absent)
 *     .installSchema(true)              // default; false when Flyway installs the schema
 *     .build();
 * RoleUsage engine = RoleUsage.builder(store).build();
 * }</pre>
 *
 * <h2>How it works</h2>
 * <ul>
 *   <li><b>Reads</b> run in one repeatable-read transaction: the role and source checks, the
 *       member count and the page see one snapshot. Counting distinct usage days in the window,
 *       sorting and paging happen in SQL; no statement binds one parameter per member.
 *   <li><b>Order</b> is the contract's, not the database's: sort keys are UTF-8 bytes computed
 *       in Java at write time and compared as binary, with explicit {@code NULLS LAST}.
 *   <li><b>Writes</b> apply a change set in one transaction, each table in chunks of 10,000 rows
 *       bound as one array per column: all of it or, when anything fails, none of it. A change
 *       set of 1,000 rows or more is followed by {@code ANALYZE}, so the planner knows the sizes.
 *   <li><b>Connections</b> are borrowed per call and always returned. SQL failures become
 *       {@link StoreException}s whose message is for logs and holds no SQL text.
 * </ul>
 *
 * <p>Thread-safe. {@link #close()} releases only what the store opened itself (the pool of
 * {@link #forJdbcUrl}); a {@code DataSource} or {@code Jdbi} passed in stays the host's.
 */
public final class JdbiUsageStore implements UsageStore, AutoCloseable {
  /** Change sets at least this large are followed by a statistics refresh ({@code ANALYZE}). */
  static final int ANALYZE_AFTER_ROWS = 1_000;
  private static final Logger LOG = LoggerFactory.getLogger(JdbiUsageStore.class);
  private static final Pattern SCHEMA_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,62}");

  private final Jdbi jdbi;
  private final SqlDialect dialect;
  private final String schema;
  private final ChangeWriter writer;
  private final UsageReader reader;
  private final AutoCloseable owned;
  private volatile boolean closed;

  private JdbiUsageStore(Jdbi jdbi, SqlDialect dialect, String schema, AutoCloseable owned) {
    this.jdbi = jdbi;
    this.dialect = dialect;
    this.schema = schema;
    Statements sql = new Statements(dialect, schema == null ? "" : SchemaInstaller.quoteIdentifier(schema) + ".");
    this.writer = new ChangeWriter(sql);
    this.reader = new UsageReader(sql);
    this.owned = owned;
  }

  /**
   * A builder for a store over the host's {@code dataSource} (ideally a connection pool). The
   * store never closes it.
   */
  public static Builder builder(DataSource dataSource) {
    Objects.requireNonNull(dataSource, "dataSource");
    return new Builder(Jdbi.create(dataSource), null);
  }

  /** A builder for a store over the host's {@code jdbi}. The store never closes its connections' source. */
  public static Builder builder(Jdbi jdbi) {
    return new Builder(Objects.requireNonNull(jdbi, "jdbi"), null);
  }

  /**
   * A store over its own small connection pool for {@code url}, with the schema installed in the
   * connection's default schema. The dialect follows from the URL: {@code jdbc:h2:…}
   * (e.g. {@code jdbc:h2:mem:usage}, {@code jdbc:h2:file:./data/usage}) or
   * {@code jdbc:postgresql://host:5432/db?user=…}. An unnamed {@code jdbc:h2:mem:} database gets
   * a unique name, so that every connection of the pool sees the same data; an in-memory database
   * lives until {@link #close()}. Production hosts pass their own pool to
   * {@link #builder(DataSource)} instead.
   *
   * @throws IllegalArgumentException the URL is not an H2 or PostgreSQL JDBC URL
   * @throws StoreException the database cannot be reached or the schema cannot be installed
   */
  public static JdbiUsageStore forJdbcUrl(String url) {
    Objects.requireNonNull(url, "url");
    SqlDialect dialect = SqlDialect.fromJdbcUrl(url).orElseThrow(() -> new IllegalArgumentException(
        "expected a JDBC URL starting with jdbc:h2: or jdbc:postgresql:, but it starts with '"
            + url.substring(0, Math.min(url.length(), 16)) + "'"));
    OwnedPool pool = OwnedPool.open(dialect, url);
    try {
      return new Builder(Jdbi.create(pool.dataSource()), pool).dialect(dialect).build();
    } catch (RuntimeException e) {
      pool.close();
      throw e;
    }
  }

  /** The database dialect this store speaks. */
  public SqlDialect dialect() {
    return dialect;
  }

  /** The schema the tables live in, if one was configured (else the connection's default schema). */
  public Optional<String> schema() {
    return Optional.ofNullable(schema);
  }

  @Override
  public void apply(TenantId tenant, ChangeSet changes) {
    Objects.requireNonNull(tenant, "tenant");
    Objects.requireNonNull(changes, "changes");
    if (changes.isEmpty()) {
      return;
    }
    guarded(() -> "could not write " + changes + " for tenant " + tenant, () -> {
      jdbi.useTransaction(h -> writer.write(h, tenant, changes));
      return null;
    });
    if (changes.size() >= ANALYZE_AFTER_ROWS) {
      refreshStatistics();
    }
  }

  /**
   * Updates the planner's statistics after a large write. Without them (a fresh table, or a bulk
   * load that autovacuum has not seen yet) PostgreSQL estimates one row per role and may join a
   * role's members to identities by scanning all of them once per member: seconds instead of
   * milliseconds. The write has committed; a failure here is logged, not thrown.
   */
  private void refreshStatistics() {
    try {
      jdbi.useHandle(h -> writer.statements().analyze.forEach(h::execute));
    } catch (RuntimeException e) {
      LOG.warn("roleusage: could not refresh table statistics after a large write ({})", e.toString());
    }
  }

  @Override
  public Lookup<UsagePage> readPage(TenantId tenant, PageRequest request) {
    Objects.requireNonNull(tenant, "tenant");
    Objects.requireNonNull(request, "request");
    return guarded(() -> "could not read a page of potential role '" + request.potentialRoleId()
            + "' for tenant " + tenant,
        () -> jdbi.inTransaction(TransactionIsolationLevel.REPEATABLE_READ,
            h -> reader.readPage(h, tenant, request)));
  }

  @Override
  public Lookup<UsageTable> readTable(TenantId tenant, TableRequest request) {
    Objects.requireNonNull(tenant, "tenant");
    Objects.requireNonNull(request, "request");
    return guarded(() -> "could not read potential role '" + request.potentialRoleId() + "' for tenant " + tenant,
        () -> jdbi.inTransaction(TransactionIsolationLevel.REPEATABLE_READ,
            h -> reader.readTable(h, tenant, request)));
  }

  /**
   * Releases what the store opened itself (the connection pool of {@link #forJdbcUrl}; an
   * in-memory H2 database is dropped with it). Calls after this fail with a {@link StoreException}.
   * Idempotent.
   */
  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    if (owned != null) {
      try {
        owned.close();
      } catch (Exception e) {
        throw new StoreException("could not close the store's connection pool: " + e.getMessage(), e);
      }
    }
  }

  @Override
  public String toString() {
    return "JdbiUsageStore{dialect=" + dialect + (schema == null ? "" : ", schema=" + schema) + "}";
  }

  private <T> T guarded(Supplier<String> action, Supplier<T> work) {
    if (closed) {
      throw new StoreException("this JdbiUsageStore is closed");
    }
    return runMapped(dialect.toString(), action, work);
  }

  /**
   * Runs {@code work}, turning database failures into {@link StoreException}s. Their message names
   * the action, the database and the SQLState, never the SQL text (the cause keeps everything for
   * logs). Invalid input ({@link IllegalArgumentException}) passes through unchanged.
   */
  static <T> T runMapped(String database, Supplier<String> action, Supplier<T> work) {
    try {
      return work.get();
    } catch (StoreException | IllegalArgumentException e) {
      throw e;
    } catch (JdbiException e) {
      throw new StoreException(action.get() + ": " + database + " failed" + sqlState(e), e);
    } catch (RuntimeException e) {
      // e.g. a pool that was shut down answers IllegalStateException instead of SQLException
      throw new StoreException(action.get() + ": " + e.getClass().getSimpleName() + " from " + database, e);
    }
  }

  private static String sqlState(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof SQLException s && s.getSQLState() != null) {
        return " (SQLState " + s.getSQLState() + ")";
      }
    }
    return "";
  }

  /** Configures a {@link JdbiUsageStore}. Not thread-safe. */
  public static final class Builder {
    private final Jdbi jdbi;
    private final AutoCloseable owned;
    private SqlDialect dialect;
    private String schema;
    private boolean installSchema = true;

    private Builder(Jdbi jdbi, AutoCloseable owned) {
      this.jdbi = jdbi;
      this.owned = owned;
    }

    /**
     * The database's dialect. When not set, {@link #build()} asks a connection for its product
     * name ({@code H2} or {@code PostgreSQL}).
     */
    public Builder dialect(SqlDialect dialect) {
      this.dialect = Objects.requireNonNull(dialect, "dialect");
      return this;
    }

    /**
     * The schema the store's tables live in, created by the installer if absent; by default the
     * connection's current schema. Use one per application (or per test) to keep data apart.
     * Spelled exactly (it is quoted): 1 to 63 ASCII letters, digits or underscores, not starting
     * with a digit.
     */
    public Builder schema(String schema) {
      Objects.requireNonNull(schema, "schema");
      if (!SCHEMA_NAME.matcher(schema).matches()) {
        throw new IllegalArgumentException("schema must be 1 to 63 ASCII letters, digits or underscores,"
            + " not starting with a digit, but was '" + schema + "'");
      }
      this.schema = schema;
      return this;
    }

    /**
     * Whether {@link #build()} installs the missing schema versions (default true). Turn it off
     * when the host applies the files under {@link SqlDialect#schemaLocation()} with Flyway.
     */
    public Builder installSchema(boolean installSchema) {
      this.installSchema = installSchema;
      return this;
    }

    /**
     * The store; detects the dialect and installs the schema first when so configured.
     *
     * @throws StoreException the database cannot be reached, is not H2 or PostgreSQL, or the
     *     schema cannot be installed
     */
    public JdbiUsageStore build() {
      SqlDialect d = dialect != null ? dialect : detectDialect();
      if (installSchema) {
        runMapped(d.toString(), () -> "could not install the roleusage schema", () -> {
          SchemaInstaller.install(jdbi, d, schema == null ? null : SchemaInstaller.quoteIdentifier(schema));
          return null;
        });
      }
      return new JdbiUsageStore(jdbi, d, schema, owned);
    }

    private SqlDialect detectDialect() {
      String product = runMapped("the database", () -> "could not connect to detect the database dialect",
          () -> jdbi.withHandle(h -> {
            try {
              return h.getConnection().getMetaData().getDatabaseProductName();
            } catch (SQLException e) {
              throw new StoreException("could not read the database product name (SQLState "
                  + e.getSQLState() + ")", e);
            }
          }));
      return SqlDialect.fromProductName(product).orElseThrow(() -> new StoreException(
          "the database reports itself as '" + product + "'; roleusage supports H2 and PostgreSQL"
              + " (set the dialect explicitly for a PostgreSQL-compatible engine)"));
    }
  }
}
