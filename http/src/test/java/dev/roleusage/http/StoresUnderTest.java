package dev.roleusage.http;

import dev.roleusage.spi.UsageStore;
import dev.roleusage.storage.memory.InMemoryUsageStore;
import java.util.List;
import java.util.function.Supplier;

/**
 * Every store the facade's answers are compared across: each must give byte-identical bodies and
 * headers for the same data and request (CONTRACT, preamble).
 */
final class StoresUnderTest {
  /** A named way to get a fresh, empty store; {@code close} releases what it opened. */
  record StoreUnderTest(String name, Supplier<UsageStore> open) {
    @Override
    public String toString() {
      return name;
    }
  }

  private StoresUnderTest() {}

  static List<StoreUnderTest> all() {
    return List.of(new StoreUnderTest("memory", InMemoryUsageStore::new));
  }

  static void close(UsageStore store) throws Exception {
    if (store instanceof AutoCloseable c) {
      c.close();
    }
  }
}
