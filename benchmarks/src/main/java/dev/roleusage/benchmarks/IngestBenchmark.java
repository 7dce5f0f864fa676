package dev.roleusage.benchmarks;

import dev.roleusage.model.ChangeSet;
import dev.roleusage.query.UsagePage;
import dev.roleusage.spi.Lookup;
import dev.roleusage.spi.PageRequest;
import dev.roleusage.spi.UsageStore;
import dev.roleusage.storage.memory.InMemoryUsageStore;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Ingestion: one change set of {@value #EVENTS} usage events (random members of a role of
 * {@code n} already loaded, random days of the last 120) applied to the store. The score is per
 * event; events per second = 10^6 / score. Change sets are built before timing, so the score is
 * the store's cost only. The SQL adapter refreshes planner statistics after every write of 1,000
 * rows or more, so each of these change sets pays an ANALYZE too (as a host's would).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xmx12g"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class IngestBenchmark {
  static final int EVENTS = 1_000;
  private static final int BATCHES = 64;

  /**
   * Store and role size together: SQL stores load only 10,000 members in time; the memory
   * store's cost per change set grows with n (copy-on-write), which 10k → 100k shows.
   */
  @Param({"memory/10000", "memory/100000", "h2/10000", "postgresql/10000"})
  String store;

  int n;
  UsageStore target;
  PageRequest afterWrite;
  AutoCloseable database;
  ChangeSet[] batches;
  int next;

  @Setup(Level.Trial)
  public void load() throws java.sql.SQLException {
    String kind = store.substring(0, store.indexOf('/'));
    n = Integer.parseInt(store.substring(store.indexOf('/') + 1));
    Population population = new Population(n);
    if (kind.equals("memory")) {
      target = new InMemoryUsageStore();
      population.loadInto(target, Population.defaultBatch(n));
    } else {
      // A database of its own (never the schema the read benchmarks reuse), loaded afresh.
      SqlDatabase sql = SqlDatabase.open(kind, population, false);
      target = sql.store;
      database = sql;
    }
    SplittableRandom random = new SplittableRandom(population.seed ^ 0xFEEDL);
    String[] ids = new String[n];
    for (int i = 0; i < n; i++) {
      ids[i] = population.id(i);
    }
    afterWrite = PageRequest.of(Requests.query(Requests.S06, n), Population.WINDOW);
    batches = new ChangeSet[BATCHES];
    for (int b = 0; b < BATCHES; b++) {
      // EVENTS distinct (member, day) pairs: a repeated pair would be one event, not two.
      Set<Long> picked = new HashSet<>();
      ChangeSet.Builder changes = ChangeSet.builder(ZoneOffset.UTC);
      while (picked.size() < Math.min(EVENTS, (long) n * Population.SPAN_DAYS)) {
        int member = random.nextInt(n);
        int day = random.nextInt(Population.SPAN_DAYS);
        if (picked.add((long) member * Population.SPAN_DAYS + day)) {
          changes.usage(ids[member], Population.SOURCE, Population.AS_OF.minusDays(day));
        }
      }
      batches[b] = changes.build();
    }
  }

  @TearDown(Level.Trial)
  public void close() throws Exception {
    if (database != null) {
      database.close();
    }
  }

  @Benchmark
  @OperationsPerInvocation(EVENTS)
  public void applyUsage() {
    target.apply(Population.TENANT, batches[next]);
    next = (next + 1) % BATCHES;
  }

  /**
   * One change set, then the first page by display name: what a reader pays right after a
   * write (the memory store resolves the role afresh for each new snapshot). Per change set.
   */
  @Benchmark
  public Lookup<UsagePage> applyThenRead() {
    target.apply(Population.TENANT, batches[next]);
    next = (next + 1) % BATCHES;
    return target.readPage(Population.TENANT, afterWrite);
  }
}
