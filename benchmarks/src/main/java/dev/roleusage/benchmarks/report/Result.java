package dev.roleusage.benchmarks.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One JMH result: which benchmark, its parameters, and its score in microseconds per operation.
 *
 * @param benchmark {@code Class.method}, without the package
 * @param n the role size ({@code n} parameter)
 * @param shape the request shape, or "" for benchmarks without one
 * @param store the {@code store} parameter, or ""
 * @param micros mean time per operation, µs
 * @param error the 99.9% half-width JMH reports, µs (NaN with a single iteration)
 */
record Result(String benchmark, int n, String shape, String store, double micros, double error) {

  /** The results of a JMH {@code -rf json} file, converted to µs/op. */
  @SuppressWarnings("unchecked")
  static List<Result> read(String json) {
    List<Result> out = new ArrayList<>();
    for (Object o : (List<Object>) Json.parse(json)) {
      Map<String, Object> r = (Map<String, Object>) o;
      String full = (String) r.get("benchmark");
      String[] parts = full.split("\\.");
      String name = parts[parts.length - 2] + "." + parts[parts.length - 1];
      Map<String, Object> params = (Map<String, Object>) r.getOrDefault("params", Map.of());
      Map<String, Object> metric = (Map<String, Object>) r.get("primaryMetric");
      double factor = toMicros((String) metric.get("scoreUnit"));
      double score = ((Number) metric.get("score")).doubleValue() * factor;
      Object err = metric.get("scoreError");
      double error = err instanceof Number e ? e.doubleValue() * factor : Double.NaN;
      String store = String.valueOf(params.getOrDefault("store", ""));
      int n = Integer.parseInt(String.valueOf(params.getOrDefault("n", "0")));
      int slash = store.indexOf('/');
      if (slash >= 0) {
        // "postgresql/100000": a store and the role size it is measured at.
        n = Integer.parseInt(store.substring(slash + 1));
        store = store.substring(0, slash);
      }
      out.add(new Result(name, n, String.valueOf(params.getOrDefault("shape", "")), store, score, error));
    }
    return out;
  }

  private static double toMicros(String unit) {
    switch (unit) {
      case "ns/op":
        return 1e-3;
      case "us/op":
        return 1;
      case "ms/op":
        return 1e3;
      case "s/op":
        return 1e6;
      default:
        throw new IllegalArgumentException("only average-time results are plotted, got unit " + unit);
    }
  }

  /** The contender this result belongs to, as the plot's legend and the table call it. */
  String contender() {
    String method = benchmark.substring(benchmark.indexOf('.') + 1);
    String label;
    switch (method) {
      case "coldPage":
        label = (store.isEmpty() ? "memory store" : store) + ", cold";
        break;
      case "warmPage":
        label = (store.isEmpty() ? "memory" : store) + " + cache, warm";
        break;
      case "plainJdbc":
        label = store + ", plain JDBC";
        break;
      case "fullSort":
        label = "naive full sort";
        break;
      case "countDays":
        label = "floor: one pass counting days";
        break;
      case "touchRows":
        label = "floor: one pass over rows";
        break;
      case "applyUsage":
        label = "ingest into " + store + " (per event)";
        break;
      case "applyThenRead":
        label = "ingest 1,000 events into " + store + ", then read a page";
        break;
      default:
        label = benchmark + (store.isEmpty() ? "" : " [" + store + "]");
    }
    return label;
  }

  /** The shape without its count part, e.g. {@code sorters=-usageCount&offset=first}. */
  String page() {
    return shape.replaceAll("&count=(true|false)", "");
  }

  /** Whether the shape asks for the total; false for benchmarks without a shape. */
  boolean counted() {
    return shape.contains("count=true");
  }
}
