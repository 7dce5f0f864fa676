package dev.roleusage.benchmarks;

import dev.roleusage.query.IdentityUsage;
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
import org.openjdk.jmh.annotations.Warmup;

/**
 * The floors: one pass over the members, the least any cold read must do because a usage count
 * depends on today's window.
 * <ul>
 *   <li>{@link #countDays}: count each member's days inside the window from a sorted
 *       {@code int[]} per member, the arrays laid out in member order (no hashing, no sorting, no
 *       allocation). This is the floor the targets are stated against.
 *   <li>{@link #touchRows}: read the precomputed count of every row of the naive baseline's list:
 *       pure memory bandwidth, below anything that must compute counts.
 * </ul>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xmx12g"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class SinglePassBenchmark {
  @Param({"10000", "100000", "1000000"})
  int n;

  int[][] days;
  List<IdentityUsage> rows;
  int first;
  int last;

  @Setup(Level.Trial)
  public void generate() {
    Population population = new Population(n);
    days = new int[n][];
    for (int i = 0; i < n; i++) {
      days[i] = population.usageEpochDays(i);
    }
    rows = population.rows();
    first = Population.WINDOW.firstEpochDay();
    last = Population.WINDOW.lastEpochDay();
  }

  @Benchmark
  public long countDays() {
    long sum = 0;
    int lo = first;
    int hi = last;
    for (int[] d : days) {
      int c = 0;
      for (int day : d) {
        c += (day >= lo && day <= hi) ? 1 : 0;
      }
      sum += c;
    }
    return sum;
  }

  @Benchmark
  public long touchRows() {
    long sum = 0;
    for (IdentityUsage r : rows) {
      sum += r.usageCount();
    }
    return sum;
  }
}
