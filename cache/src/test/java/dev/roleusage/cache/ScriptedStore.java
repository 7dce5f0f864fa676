package dev.roleusage.cache;

import dev.roleusage.model.ChangeSet;
import dev.roleusage.model.TenantId;
import dev.roleusage.query.UsagePage;
import dev.roleusage.spi.Lookup;
import dev.roleusage.spi.PageRequest;
import dev.roleusage.spi.StoreException;
import dev.roleusage.spi.TableRequest;
import dev.roleusage.spi.UsageStore;
import dev.roleusage.spi.UsageTable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * A store in front of a real one that counts reads and can be told to fail, or to hold a read or
 * a write open on a latch, so that tests can arrange races deterministically.
 */
final class ScriptedStore implements UsageStore {
  private final UsageStore real;
  final AtomicInteger tableReads = new AtomicInteger();
  final AtomicInteger pageReads = new AtomicInteger();
  /** Reads fail while this is positive; each failure counts it down. */
  final AtomicInteger failuresLeft = new AtomicInteger();

  /** When set: every table read waits for this before reading anything. */
  volatile CountDownLatch gateBeforeRead;
  /** When set: the next table read reads the data, counts this down, then waits for {@link #releaseRead}. */
  volatile CountDownLatch holdAfterRead;
  volatile CountDownLatch releaseRead;
  /** When set: the next write counts this down, then waits for {@link #releaseWrite} before writing. */
  volatile CountDownLatch holdBeforeWrite;
  volatile CountDownLatch releaseWrite;

  /**
   * When set, each write pauses this long before it reaches the data: widens the window in which
   * a write has started but not been applied, for the randomized race test (never an assertion).
   */
  volatile long writeDelayNanos;

  ScriptedStore(UsageStore real) {
    this.real = real;
  }

  @Override
  public void apply(TenantId tenant, ChangeSet changes) {
    CountDownLatch held = holdBeforeWrite;
    if (held != null) {
      holdBeforeWrite = null;
      held.countDown();
      await(releaseWrite);
    }
    if (writeDelayNanos > 0) {
      LockSupport.parkNanos(writeDelayNanos);
    }
    real.apply(tenant, changes);
  }

  @Override
  public Lookup<UsagePage> readPage(TenantId tenant, PageRequest request) {
    pageReads.incrementAndGet();
    return real.readPage(tenant, request);
  }

  @Override
  public Lookup<UsageTable> readTable(TenantId tenant, TableRequest request) {
    tableReads.incrementAndGet();
    CountDownLatch gate = gateBeforeRead;
    if (gate != null) {
      await(gate);
    }
    if (failuresLeft.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
      throw new StoreException("database down");
    }
    Lookup<UsageTable> result = real.readTable(tenant, request);
    CountDownLatch held = holdAfterRead;
    if (held != null) {
      holdAfterRead = null;
      held.countDown();
      await(releaseRead);
    }
    return result;
  }

  private static void await(CountDownLatch latch) {
    try {
      if (!latch.await(10, TimeUnit.SECONDS)) {
        throw new AssertionError("test latch never opened");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }
}
