package dev.roleusage.benchmarks.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ResultTest {
  /** Trimmed from a real JMH 1.37 result file: a parameterised result and one without error. */
  private static final String JMH = "[\n"
      + "  {\"jmhVersion\" : \"1.37\", \"benchmark\" : \"dev.roleusage.benchmarks.MemoryStoreBenchmark.coldPage\",\n"
      + "   \"mode\" : \"avgt\", \"threads\" : 1, \"forks\" : 1,\n"
      + "   \"params\" : {\"n\" : \"10000\", \"shape\" : \"sorters=-usageCount&offset=first&count=true\"},\n"
      + "   \"primaryMetric\" : {\"score\" : 2.5, \"scoreError\" : 0.25, \"scoreConfidence\" : [2.25, 2.75],\n"
      + "     \"scoreUnit\" : \"ms/op\", \"rawData\" : [[2.4, 2.6]]},\n"
      + "   \"secondaryMetrics\" : {}},\n"
      + "  {\"benchmark\" : \"dev.roleusage.benchmarks.SinglePassBenchmark.touchRows\",\n"
      + "   \"params\" : {\"n\" : \"1000000\"},\n"
      + "   \"primaryMetric\" : {\"score\" : 1500.0, \"scoreError\" : \"NaN\", \"scoreUnit\" : \"ns/op\"}}\n"
      + "]";

  @Test
  void readsScoresInMicroseconds() {
    List<Result> results = Result.read(JMH);
    assertThat(results).hasSize(2);
    Result cold = results.get(0);
    assertThat(cold.benchmark()).isEqualTo("MemoryStoreBenchmark.coldPage");
    assertThat(cold.n()).isEqualTo(10_000);
    assertThat(cold.micros()).isEqualTo(2_500.0);
    assertThat(cold.error()).isEqualTo(250.0);
    assertThat(cold.counted()).isTrue();
    assertThat(cold.page()).isEqualTo("sorters=-usageCount&offset=first");
    assertThat(cold.contender()).isEqualTo("memory store, cold");
    Result floor = results.get(1);
    assertThat(floor.micros()).isEqualTo(1.5);
    assertThat(floor.error()).isNaN();
    assertThat(floor.shape()).isEmpty();
  }

  @Test
  void storeParameterMayCarryTheSize() {
    Result r = Result.read("[{\"benchmark\": \"a.b.SqlStoreBenchmark.plainJdbc\","
        + " \"params\": {\"store\": \"postgresql/100000\", \"shape\": \"sorters=displayName&offset=first&count=false\"},"
        + " \"primaryMetric\": {\"score\": 7, \"scoreError\": 1, \"scoreUnit\": \"us/op\"}}]").get(0);
    assertThat(r.store()).isEqualTo("postgresql");
    assertThat(r.n()).isEqualTo(100_000);
    assertThat(r.contender()).isEqualTo("postgresql, plain JDBC");
    assertThat(r.counted()).isFalse();
  }

  @Test
  void humanSizes() {
    assertThat(Report.human(10_000)).isEqualTo("10k");
    assertThat(Report.human(1_000_000)).isEqualTo("1M");
    assertThat(Report.human(1_500)).isEqualTo("1500");
  }
}
