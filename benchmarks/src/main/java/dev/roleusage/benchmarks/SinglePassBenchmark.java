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
 *   <li>{@link #countDays}: every member's count of days inside the window, from all days in
 *       one flat array in member order (member i's are {@code days[start[i] .. start[i+1])}),
 *       written to an {@code int[]}: no hashing, no sorting, no objects. This is the floor the
 *       targets are stated against (the memory store keeps the same flat layout per snapshot).
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

  int[] start;
  int[] days;
  List<IdentityUsage> rows;
  int first;
  int last;

  @Setup(Level.Trial)
  public void generate() {
    Population population = new Population(n);
    int[][] each = new int[n][];
    start = new int[n + 1];
    for (int i = 0; i < n; i++) {
      each[i] = population.usageEpochDays(i);
      start[i + 1] = start[i] + each[i].length;
    }
    days = new int[start[n]];
    for (int i = 0; i < n; i++) {
      System.arraycopy(each[i], 0, days, start[i], each[i].length);
    }
    rows = population.rows();
    first = Population.WINDOW.firstEpochDay();
    last = Population.WINDOW.lastEpochDay();
  }

  @Benchmark
  public int[] countDays() {
    int[] counts = new int[n];
    int lo = first;
    int hi = last;
    for (int i = 0; i < n; i++) {
      int c = 0;
      for (int j = start[i], end = start[i + 1]; j < end; j++) {
        int day = days[j];
        c += (day >= lo && day <= hi) ? 1 : 0;
      }
      counts[i] = c;
    }
    return counts;
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
