package dev.roleusage.benchmarks;

import dev.roleusage.RoleUsage;
import dev.roleusage.cache.CachedUsageStore;
import dev.roleusage.query.IdentityUsage;
import dev.roleusage.query.IdentityUsageQuery;
import dev.roleusage.query.UsagePage;
import dev.roleusage.spi.Lookup;
import java.sql.SQLException;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The engine over the SQL adapter (H2 in memory, PostgreSQL on localhost), cold, beside the plain
 * JDBC statements the adapter runs, and warm behind the cache. n stops at 100,000 (PostgreSQL)
 * and 10,000 (H2): loading more through the adapter takes minutes on two shared cores.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xmx6g"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class SqlStoreBenchmark {
  /**
   * Database and role size together, so each database gets only the sizes it can load in time:
   * H2 takes about as long to load 10,000 members as PostgreSQL takes for 100,000.
   */
  @Param({"h2/10000", "postgresql/10000", "postgresql/100000"})
  String store;

  int n;

  /**
   * First pages by each sorter. No count=true: the adapter runs the same existence-and-total
   * query whatever count says, so count cannot change its cost.
   */
  @Param({Requests.S00, Requests.S06})
  String shape;

  SqlDatabase database;
  RoleUsage engine;
  IdentityUsageQuery query;

  @Setup(Level.Trial)
  public void load() throws SQLException {
    String kind = store.substring(0, store.indexOf('/'));
    n = Integer.parseInt(store.substring(store.indexOf('/') + 1));
    database = SqlDatabase.open(kind, new Population(n), true);
    System.out.println("loaded " + store + " in " + database.loadMillis + " ms");
    engine = RoleUsage.builder(database.store).clock(Population.CLOCK).usageZone(ZoneOffset.UTC).build();
    query = Requests.query(shape, n);
    Lookup<UsagePage> answer = engine.query(Population.TENANT, query);
    Checks.fullPage(answer, n, query.count());
    List<IdentityUsage> plain = database.page(query);
    if (!plain.equals(answer.valueOrNull().rows())) {
      throw new IllegalStateException("the plain JDBC statement no longer returns the adapter's page;"
          + " update SqlDatabase from storage-jdbi's Statements");
    }
  }

  @TearDown(Level.Trial)
  public void close() throws SQLException {
    database.close();
  }

  @Benchmark
  public Lookup<UsagePage> coldPage() {
    return engine.query(Population.TENANT, query);
  }

  @Benchmark
  public List<IdentityUsage> plainJdbc() throws SQLException {
    return database.page(query);
  }

  /** The cache in front of the adapter, warm: only the first reads went to the database. */
  @State(Scope.Benchmark)
  public static class Cached {
    RoleUsage engine;
    WarmPages pages;

    @Setup(Level.Trial)
    public void warm(SqlStoreBenchmark sql) {
      CachedUsageStore cached = CachedUsageStore.builder(sql.database.store).maximumRows(2L * sql.n).build();
      engine = RoleUsage.builder(cached).clock(Population.CLOCK).usageZone(ZoneOffset.UTC).build();
      pages = new WarmPages(sql.shape, sql.n);
      pages.prime(engine, sql.n);
    }
  }

  @Benchmark
  public Lookup<UsagePage> warmPage(Cached cached) {
    return cached.engine.query(Population.TENANT, cached.pages.next());
  }
}
