package dev.roleusage.benchmarks;

import dev.roleusage.model.ChangeSet;
import dev.roleusage.spi.UsageStore;
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
 * the store's cost only.
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

  @Param({"10000", "100000", "1000000"})
  int n;

  @Param({"memory"})
  String store;

  UsageStore target;
  ChangeSet[] batches;
  int next;

  @Setup(Level.Trial)
  public void load() {
    Population population = new Population(n);
    target = Backends.open(store);
    population.loadInto(target, Population.defaultBatch(n));
    SplittableRandom random = new SplittableRandom(population.seed ^ 0xFEEDL);
    String[] ids = new String[n];
    for (int i = 0; i < n; i++) {
      ids[i] = population.id(i);
    }
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
  public void close() {
    Backends.close(target);
  }

  @Benchmark
  @OperationsPerInvocation(EVENTS)
  public void applyUsage() {
    target.apply(Population.TENANT, batches[next]);
    next = (next + 1) % BATCHES;
  }
}
