package dev.roleusage.benchmarks;

import dev.roleusage.RoleUsage;
import dev.roleusage.cache.CachedUsageStore;
import dev.roleusage.storage.memory.InMemoryUsageStore;
import java.lang.management.ManagementFactory;
import java.time.ZoneOffset;
import java.util.Locale;
import org.openjdk.jol.info.GraphLayout;

/**
 * Bytes per member held by the in-memory store (JOL: its retained object graph, exact for this
 * JVM's layout) and by the cache (heap added after full collections), for the same generated role
 * as the benchmarks.
 *
 * <pre>{@code
 * java -Xmx12g -Djdk.attach.allowAttachSelf=true -cp benchmarks/target/benchmarks.jar \
 *     dev.roleusage.benchmarks.Footprint 10000 100000 1000000
 * }</pre>
 */
public final class Footprint {
  private Footprint() {}

  private static long usedHeapAfterGc() {
    for (int i = 0; i < 3; i++) {
      System.gc();
    }
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
  }

  public static void main(String[] args) {
    System.out.println("| n | memory store, loaded | + after first read (resolved role) | cache entry (table + 1 sorted order, heap delta) | usage days per member |");
    System.out.println("|---:|---:|---:|---:|---:|");
    for (String arg : args) {
      int n = Integer.parseInt(arg);
      Population population = new Population(n);
      InMemoryUsageStore memory = new InMemoryUsageStore();
      population.loadInto(memory, Population.defaultBatch(n));
      long loaded = GraphLayout.parseInstance(memory).totalSize();

      RoleUsage cold = RoleUsage.builder(memory).clock(Population.CLOCK).usageZone(ZoneOffset.UTC).build();
      cold.query(Population.TENANT, Requests.query(Requests.S00, n));
      long read = GraphLayout.parseInstance(memory).totalSize();

      // The cache's graph reaches its executor's threads, which JOL cannot walk, so the cache is
      // measured as the heap it adds, after full collections, with the store held throughout.
      long before = usedHeapAfterGc();
      CachedUsageStore cached = CachedUsageStore.builder(memory).maximumRows(2L * n).build();
      RoleUsage warm = RoleUsage.builder(cached).clock(Population.CLOCK).usageZone(ZoneOffset.UTC).build();
      new WarmPages(Requests.S00, n).prime(warm, n);
      long cache = usedHeapAfterGc() - before;
      if (cached.cachedRows() != n) {
        throw new IllegalStateException("expected the cache to hold " + n + " rows, holds " + cached.cachedRows());
      }

      System.out.printf(Locale.ROOT, "| %,d | %.0f B | +%.0f B | %.0f B | %.2f |%n", n,
          loaded / (double) n, (read - loaded) / (double) n, cache / (double) n,
          population.usageDayTotal() / (double) n);
    }
  }
}
