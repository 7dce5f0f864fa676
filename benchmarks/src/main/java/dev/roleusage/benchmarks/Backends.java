package dev.roleusage.benchmarks;

import dev.roleusage.spi.UsageStore;
import dev.roleusage.storage.memory.InMemoryUsageStore;

/**
 * The stores under test by name, as JMH {@code @Param} values: {@code memory}; a {@code +cache}
 * suffix wraps the store in the cache. Each is loaded with a {@link Population} once per trial.
 */
final class Backends {
  private Backends() {}

  /** A new, empty store called {@code name}. */
  static UsageStore open(String name) {
    switch (name) {
      case "memory":
        return new InMemoryUsageStore();
      default:
        throw new IllegalArgumentException("unknown store " + name);
    }
  }

  /** Releases what {@link #open} acquired (connections, schemas); a no-op for memory. */
  static void close(UsageStore store) {
    if (store instanceof AutoCloseable closeable) {
      try {
        closeable.close();
      } catch (Exception e) {
        throw new IllegalStateException("closing " + store + " failed", e);
      }
    }
  }
}
