package dev.roleusage.benchmarks;

import dev.roleusage.RoleUsage;
import dev.roleusage.cache.CachedUsageStore;
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
 * The engine over the in-memory store behind {@link CachedUsageStore}, warm ({@link WarmPages}).
 * The cache's row bound is raised to hold the whole role: with the default bound (250,000 rows)
 * a role of a million members would never be cached.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xmx12g"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class CachedStoreBenchmark {
  @Param({"10000", "100000", "1000000"})
  int n;

  @Param({Requests.S00, Requests.S08})
  String shape;

  RoleUsage engine;
  WarmPages pages;

  @Setup(Level.Trial)
  public void load() {
    InMemoryUsageStore memory = new InMemoryUsageStore();
    new Population(n).loadInto(memory, Population.defaultBatch(n));
    CachedUsageStore cached = CachedUsageStore.builder(memory).maximumRows(2L * n).build();
    engine = RoleUsage.builder(cached).clock(Population.CLOCK).usageZone(ZoneOffset.UTC).build();
    pages = new WarmPages(shape, n);
    pages.prime(engine, n);
  }

  @Benchmark
  public Lookup<UsagePage> warmPage() {
    return engine.query(Population.TENANT, pages.next());
  }
}
