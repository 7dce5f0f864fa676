package dev.roleusage.benchmarks;

import dev.roleusage.RoleUsage;
import dev.roleusage.query.IdentityUsageQuery;
import dev.roleusage.query.UsagePage;
import dev.roleusage.spi.Lookup;
import dev.roleusage.storage.memory.InMemoryUsageStore;
import java.time.ZoneOffset;
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
import org.openjdk.jmh.annotations.Warmup;

/**
 * The engine over the in-memory store with no cache: every request counts every member's usage
 * and selects the page (what a first request for a role costs).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xmx12g"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class MemoryStoreBenchmark {
  @Param({"10000", "100000", "1000000"})
  int n;

  /**
   * Both sorters at the first page, each at a deep offset (usage count: last; display name:
   * middle, the quickselect path), and count=true once (the total is the role's size, the same
   * at any offset). Five shapes, not twelve, so the quick profile fits in ten minutes: each fork
   * at a million members spends ~35 s loading. {@code -p shape=...} picks any of Requests' 12.
   */
  @Param({Requests.S00, Requests.S01, Requests.S04, Requests.S06, Requests.S08})
  String shape;

  RoleUsage engine;
  IdentityUsageQuery query;

  @Setup(Level.Trial)
  public void load() {
    Population population = new Population(n);
    InMemoryUsageStore store = new InMemoryUsageStore();
    population.loadInto(store, Population.defaultBatch(n));
    engine = RoleUsage.builder(store).clock(Population.CLOCK).usageZone(ZoneOffset.UTC).build();
    query = Requests.query(shape, n);
    Checks.fullPage(engine.query(Population.TENANT, query), n, query.count());
  }

  @Benchmark
  public Lookup<UsagePage> coldPage() {
    return engine.query(Population.TENANT, query);
  }
}
