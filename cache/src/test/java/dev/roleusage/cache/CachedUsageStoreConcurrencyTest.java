package dev.roleusage.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.roleusage.RoleUsage;
import dev.roleusage.model.TenantId;
import dev.roleusage.query.IdentityUsage;
import dev.roleusage.query.IdentityUsageQuery;
import dev.roleusage.query.UsagePage;
import dev.roleusage.spi.Lookup;
import dev.roleusage.spi.StoreException;
import dev.roleusage.storage.memory.InMemoryUsageStore;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The races of CONTRACT §6, arranged with latches (never with sleeps): concurrent misses share one
 * store read, a write is never hidden by a load that overlapped it, failures are not cached.
 */
@Timeout(60)
class CachedUsageStoreConcurrencyTest {
  private static final TenantId TENANT = TenantId.of("acme");
  private static final Instant NOW = Instant.parse("2025-06-30T12:00:00Z");
  private static final IdentityUsageQuery QUERY = IdentityUsageQuery.builder("pr", "src").count(true).build();

  /** Before the write: Ada used the source on one day of the window. */
  private static final List<IdentityUsage> BEFORE = List.of(new IdentityUsage("id-a", "Ada", "ada@example.test", 1));
  /** After the write: Ada on two days, and Bob joined without usage (id order: no sorters). */
  private static final List<IdentityUsage> AFTER = List.of(
      new IdentityUsage("id-a", "Ada", "ada@example.test", 2),
      new IdentityUsage("id-b", "Bob", null, 0));

  private final ScriptedStore store = new ScriptedStore(new InMemoryUsageStore());
  private final CachedUsageStore cached = CachedUsageStore.builder(store).recordStats().build();
  private final RoleUsage engine = RoleUsage.builder(cached)
      .clock(Clock.fixed(NOW, ZoneOffset.UTC)).usageZone(ZoneOffset.UTC).build();

  CachedUsageStoreConcurrencyTest() {
    engine.apply(TENANT, engine.newChanges()
        .identity("id-a", "Ada", "ada@example.test")
        .membership("pr", "id-a")
        .usage("id-a", "src", LocalDate.parse("2025-06-30"))
        .build());
  }

  private void writeSecondDayAndBob() {
    engine.apply(TENANT, engine.newChanges()
        .identity("id-b", "Bob", null)
        .membership("pr", "id-b")
        .usage("id-a", "src", LocalDate.parse("2025-06-29"))
        .build());
  }

  private List<IdentityUsage> rows() {
    return engine.query(TENANT, QUERY).valueOrNull().rows();
  }

  @Test
  void twentyConcurrentMissesOnOneKeyCauseOneStoreRead() throws Exception {
    CountDownLatch gate = new CountDownLatch(1);
    store.gateBeforeRead = gate;
    int n = 20;
    AtomicReferenceArray<Object> results = new AtomicReferenceArray<>(n);
    List<Thread> threads = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      int slot = i;
      threads.add(start(() -> results.set(slot, engine.query(TENANT, QUERY))));
    }
    // Every thread is parked inside the cache (one in the store's gate, the others on its load)
    // before the store may answer; a cache without coalescing would have all 20 in the store.
    awaitAllBlocked(threads);
    gate.countDown();
    joinAll(threads);

    assertThat(store.tableReads).hasValue(1);
    for (int i = 0; i < n; i++) {
      assertThat(results.get(i)).isEqualTo(Lookup.found(UsagePage.of(BEFORE, OptionalLong.of(1))));
    }
    assertThat(cached.stats().missCount()).isEqualTo(1);
    assertThat(cached.stats().hitCount()).isEqualTo(n - 1);
  }

  @Test
  void aLoadHeldOpenAcrossAWriteNeverHidesTheWrite() throws Exception {
    CountDownLatch loaded = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    store.holdAfterRead = loaded;
    store.releaseRead = release;
    List<List<IdentityUsage>> slowReader = new ArrayList<>();
    Thread slow = start(() -> slowReader.add(rows()));
    loaded.await();                         // the slow load has read the data before the write

    writeSecondDayAndBob();                 // returns while the old load is still open

    assertThat(rows()).isEqualTo(AFTER);    // does not join, or get, the load of old data
    release.countDown();
    slow.join();
    assertThat(slowReader).containsExactly(BEFORE);  // it really was a load of the old data...
    assertThat(rows()).isEqualTo(AFTER);    // ...and finishing it did not put the old data back
    assertThat(store.tableReads).hasValue(2);
  }

  @Test
  void aLoadThatRunsWhileAWriteIsBeingAppliedIsNotServedAfterTheWrite() throws Exception {
    CountDownLatch writing = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    store.holdBeforeWrite = writing;
    store.releaseWrite = release;
    Thread writer = start(this::writeSecondDayAndBob);
    writing.await();                        // the write has begun but the store has not applied it

    assertThat(rows()).isEqualTo(BEFORE);   // loaded and cached during the write: old data
    release.countDown();
    writer.join();                          // the write has returned

    assertThat(rows()).isEqualTo(AFTER);    // a cache that invalidated only before the store wrote would fail here
    assertThat(store.tableReads).hasValue(2);
  }

  @Test
  void aFailingStoreFailsEveryReadThenRecovers() {
    store.failuresLeft.set(2);

    assertThatThrownBy(this::rows).isInstanceOf(StoreException.class).hasMessage("database down");
    assertThatThrownBy(this::rows).isInstanceOf(StoreException.class).hasMessage("database down");
    assertThat(rows()).isEqualTo(BEFORE);
    assertThat(rows()).isEqualTo(BEFORE);

    assertThat(store.tableReads).hasValue(3);  // two failures, one success, then a hit
    assertThat(cached.stats().loadFailureCount()).isEqualTo(2);
    assertThat(cached.stats().loadSuccessCount()).isEqualTo(1);
  }

  @Test
  void readersWaitingOnAFailingLoadAllFailAndTheNextReadTriesAgain() throws Exception {
    CountDownLatch gate = new CountDownLatch(1);
    store.gateBeforeRead = gate;
    store.failuresLeft.set(1);
    int n = 5;
    AtomicReferenceArray<Throwable> errors = new AtomicReferenceArray<>(n);
    List<Thread> threads = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      int slot = i;
      threads.add(start(() -> {
        try {
          rows();
        } catch (Throwable t) {
          errors.set(slot, t);
        }
      }));
    }
    awaitAllBlocked(threads);
    gate.countDown();
    joinAll(threads);

    for (int i = 0; i < n; i++) {
      assertThat(errors.get(i)).isInstanceOf(StoreException.class).hasMessage("database down");
    }
    assertThat(store.tableReads).hasValue(1);
    assertThat(rows()).isEqualTo(BEFORE);
    assertThat(store.tableReads).hasValue(2);
  }

  @Test
  void readersRacingAWriterNeverSeeLessThanTheWritesThatHadReturned() throws Exception {
    // The writer adds one usage day per write (days 06-29, 06-28, … so Ada's count is 1 + writes)
    // and publishes how many writes have returned; each read must count at least that many. The
    // latch tests above pin each race deterministically; this one lets real threads find others.
    // Writes pause before reaching the data so that readers load while a write is in progress.
    store.writeDelayNanos = TimeUnit.MILLISECONDS.toNanos(1);
    int writes = 80;
    AtomicInteger returned = new AtomicInteger();
    AtomicReference<String> violation = new AtomicReference<>();
    List<Thread> readers = new ArrayList<>();
    for (int r = 0; r < 4; r++) {
      readers.add(start(() -> {
        while (returned.get() < writes && violation.get() == null) {
          int before = returned.get();
          int count = rows().get(0).usageCount();
          if (count < 1 + before) {
            violation.set("read " + count + " days after " + before + " writes had returned");
          }
        }
      }));
    }
    for (int i = 1; i <= writes; i++) {
      engine.apply(TENANT, engine.newChanges()
          .usage("id-a", "src", LocalDate.parse("2025-06-30").minusDays(i)).build());
      returned.set(i);
    }
    joinAll(readers);
    assertThat(violation.get()).isNull();
    assertThat(rows().get(0).usageCount()).isEqualTo(1 + writes);
  }

  private static Thread start(Runnable body) {
    Thread t = new Thread(body);
    t.setDaemon(true);
    t.start();
    return t;
  }

  private static void joinAll(List<Thread> threads) throws InterruptedException {
    for (Thread t : threads) {
      t.join();
    }
  }

  /** Waits (a condition, not a duration) until every thread is parked. */
  private static void awaitAllBlocked(List<Thread> threads) {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    for (Thread t : threads) {
      while (t.getState() != Thread.State.WAITING && t.getState() != Thread.State.TIMED_WAITING) {
        if (System.nanoTime() > deadline) {
          throw new AssertionError(t.getName() + " never blocked; state " + t.getState());
        }
        LockSupport.parkNanos(100_000);
      }
    }
  }
}
