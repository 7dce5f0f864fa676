package dev.roleusage.benchmarks;

import dev.roleusage.order.UsageOrder;
import dev.roleusage.query.IdentityUsage;
import dev.roleusage.query.IdentityUsageQuery;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
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
 * Baseline: what a caller would write without the library, over the same rows with the usage
 * counts already computed (so it is charged for sorting only):
 * {@code rows.stream().sorted(UsageOrder.comparator(sorters)).skip(offset).limit(250)}.
 * The public row comparator folds case on every comparison, as a caller's comparator would.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xmx12g"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class NaiveSortBenchmark {
  @Param({"10000", "100000", "1000000"})
  int n;

  /**
   * First pages only: the sort is the whole cost and is the same for any offset; count plays no
   * part in sorting a list already in hand.
   */
  @Param({Requests.S00, Requests.S06})
  String shape;

  List<IdentityUsage> rows;
  Comparator<IdentityUsage> order;
  int skip;

  @Setup(Level.Trial)
  public void generate() {
    rows = new Population(n).rows();
    IdentityUsageQuery query = Requests.query(shape, n);
    order = UsageOrder.comparator(query.sorters());
    skip = query.offset();
  }

  @Benchmark
  public List<IdentityUsage> fullSort() {
    return rows.stream().sorted(order).skip(skip).limit(Requests.LIMIT).collect(Collectors.toList());
  }
}
