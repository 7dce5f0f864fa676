package dev.roleusage.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.roleusage.RoleUsage;
import dev.roleusage.model.ChangeSet;
import dev.roleusage.model.TenantId;
import dev.roleusage.query.IdentityUsage;
import dev.roleusage.query.IdentityUsageQuery;
import dev.roleusage.query.SortField;
import dev.roleusage.query.Sorter;
import dev.roleusage.query.UsagePage;
import dev.roleusage.query.UsageWindow;
import dev.roleusage.spi.Lookup;
import dev.roleusage.spi.PageRequest;
import dev.roleusage.spi.StoreException;
import dev.roleusage.spi.TableRequest;
import dev.roleusage.spi.UsageStore;
import dev.roleusage.spi.UsageTable;
import dev.roleusage.storage.memory.InMemoryUsageStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** What the cache keeps, for whom, for which day, and how it is bounded. */
class CachedUsageStoreTest {
  private static final TenantId ACME = TenantId.of("acme");
  private static final TenantId GLOBEX = TenantId.of("globex");
  private static final Instant NOW = Instant.parse("2025-06-30T12:00:00Z");

  private final ScriptedStore store = new ScriptedStore(new InMemoryUsageStore());

  private static RoleUsage engine(CachedUsageStore cached, Clock clock, ZoneId zone) {
    return RoleUsage.builder(cached).clock(clock).usageZone(zone).build();
  }

  private static RoleUsage engine(CachedUsageStore cached) {
    return engine(cached, Clock.fixed(NOW, ZoneOffset.UTC), ZoneOffset.UTC);
  }

  private static List<IdentityUsage> rows(RoleUsage engine, TenantId tenant, IdentityUsageQuery query) {
    Lookup<UsagePage> result = engine.query(tenant, query);
    assertThat(result).isInstanceOf(Lookup.Found.class);
    return result.valueOrNull().rows();
  }

  @Test
  void pagesAndSortsOfOneRoleAreCutFromOneStoreRead() {
    // Caffeine's bookkeeping (the weight of a finished load) runs on its executor: run it inline.
    CachedUsageStore cached = CachedUsageStore.builder(store).executor(Runnable::run).recordStats().build();
    RoleUsage engine = engine(cached);
    engine.apply(ACME, engine.newChanges()
        .identity("id-c", "carol", "c@example.test")
        .identity("id-a", "Ada", null)
        .identity("id-b", "Bob", "b@example.test")
        .membership("pr", "id-a").membership("pr", "id-b").membership("pr", "id-c")
        .usage("id-b", "src", LocalDate.parse("2025-06-30"))
        .usage("id-b", "src", LocalDate.parse("2025-06-01"))
        .usage("id-c", "src", LocalDate.parse("2025-06-30"))
        .build());
    IdentityUsage ada = new IdentityUsage("id-a", "Ada", null, 0);
    IdentityUsage bob = new IdentityUsage("id-b", "Bob", "b@example.test", 2);
    IdentityUsage carol = new IdentityUsage("id-c", "carol", "c@example.test", 1);

    assertThat(rows(engine, ACME, IdentityUsageQuery.builder("pr", "src").build()))
        .containsExactly(ada, bob, carol);
    assertThat(rows(engine, ACME, IdentityUsageQuery.builder("pr", "src")
        .sorters(Sorter.descending(SortField.USAGE_COUNT)).build()))
        .containsExactly(bob, carol, ada);
    // Pages 1, 2, 3 of one row each, twice: the second pass is served from the sorted copy.
    for (int pass = 0; pass < 2; pass++) {
      for (int offset = 0; offset < 3; offset++) {
        assertThat(rows(engine, ACME, IdentityUsageQuery.builder("pr", "src")
            .sorters(Sorter.descending(SortField.DISPLAY_NAME)).offset(offset).limit(1).build()))
            .containsExactly(List.of(carol, bob, ada).get(offset));
      }
    }
    // Missing email last in both directions.
    assertThat(rows(engine, ACME, IdentityUsageQuery.builder("pr", "src")
        .sorters(Sorter.descending(SortField.EMAIL)).build()))
        .containsExactly(carol, bob, ada);
    UsagePage counted = engine.query(ACME, IdentityUsageQuery.builder("pr", "src")
        .offset(5).count(true).build()).valueOrNull();
    assertThat(counted).isEqualTo(UsagePage.of(List.of(), OptionalLong.of(3)));

    assertThat(store.tableReads).hasValue(1);
    assertThat(store.pageReads).hasValue(0);
    assertThat(cached.stats().missCount()).isEqualTo(1);
    assertThat(cached.stats().hitCount()).isEqualTo(9);
    cached.cleanUp();
    assertThat(cached.cachedRows()).isEqualTo(3);
  }

  @Test
  void readTableIsServedFromTheSameEntryAsPages() {
    CachedUsageStore cached = CachedUsageStore.wrap(store);
    RoleUsage engine = engine(cached);
    engine.apply(ACME, engine.newChanges().identity("id-a", "Ada", null).membership("pr", "id-a")
        .source("src", "Source").build());
    TableRequest table = new TableRequest("pr", "src", UsageWindow.endingOn(LocalDate.parse("2025-06-30")));

    assertThat(cached.readTable(ACME, table).valueOrNull().rows())
        .containsExactly(new IdentityUsage("id-a", "Ada", null, 0));
    assertThat(rows(engine, ACME, IdentityUsageQuery.builder("pr", "src").build()))
        .containsExactly(new IdentityUsage("id-a", "Ada", null, 0));
    assertThat(store.tableReads).hasValue(1);
  }

  @Test
  void notFoundAnswersAreCachedUntilAWriteCreatesTheRoleOrSource() {
    CachedUsageStore cached = CachedUsageStore.wrap(store);
    RoleUsage engine = engine(cached);
    engine.apply(ACME, engine.newChanges().source("src", "Source").build());
    IdentityUsageQuery query = IdentityUsageQuery.builder("pr", "src").build();
    IdentityUsageQuery otherSource = IdentityUsageQuery.builder("pr", "src-2").build();

    assertThat(engine.query(ACME, query)).isEqualTo(new Lookup.PotentialRoleNotFound<UsagePage>("pr"));
    assertThat(engine.query(ACME, query)).isEqualTo(new Lookup.PotentialRoleNotFound<UsagePage>("pr"));
    assertThat(store.tableReads).hasValue(1);

    engine.apply(ACME, engine.newChanges().identity("id-a", "Ada", null).membership("pr", "id-a").build());
    assertThat(rows(engine, ACME, query)).containsExactly(new IdentityUsage("id-a", "Ada", null, 0));
    assertThat(engine.query(ACME, otherSource)).isEqualTo(new Lookup.SourceNotFound<UsagePage>("src-2"));
    assertThat(engine.query(ACME, otherSource)).isEqualTo(new Lookup.SourceNotFound<UsagePage>("src-2"));
    assertThat(store.tableReads).hasValue(3);

    engine.apply(ACME, engine.newChanges().usage("id-a", "src-2", LocalDate.parse("2025-06-30")).build());
    assertThat(rows(engine, ACME, otherSource)).containsExactly(new IdentityUsage("id-a", "Ada", null, 1));
  }

  @Test
  void tenantsWithTheSameRoleAndSourceIdsNeverSeeEachOthersRows() {
    CachedUsageStore cached = CachedUsageStore.wrap(store);
    RoleUsage engine = engine(cached);
    engine.apply(ACME, engine.newChanges().identity("id-1", "Acme One", null).membership("pr", "id-1")
        .usage("id-1", "src", LocalDate.parse("2025-06-30")).build());
    engine.apply(GLOBEX, engine.newChanges().identity("id-9", "Globex Nine", null).membership("pr", "id-9")
        .source("src", "Source").build());
    IdentityUsageQuery query = IdentityUsageQuery.builder("pr", "src").build();
    List<IdentityUsage> acmeRows = List.of(new IdentityUsage("id-1", "Acme One", null, 1));
    List<IdentityUsage> globexRows = List.of(new IdentityUsage("id-9", "Globex Nine", null, 0));

    assertThat(rows(engine, ACME, query)).isEqualTo(acmeRows);
    assertThat(rows(engine, GLOBEX, query)).isEqualTo(globexRows);
    assertThat(store.tableReads).hasValue(2);

    // A write to one tenant leaves the other's entry in place and unchanged.
    engine.apply(ACME, engine.newChanges().usage("id-1", "src", LocalDate.parse("2025-06-29")).build());
    assertThat(rows(engine, GLOBEX, query)).isEqualTo(globexRows);
    assertThat(store.tableReads).hasValue(2);
    assertThat(rows(engine, ACME, query)).containsExactly(new IdentityUsage("id-1", "Acme One", null, 2));
    assertThat(store.tableReads).hasValue(3);
    // A tenant with no data at all gets no other tenant's entry.
    assertThat(engine.query(TenantId.of("initech"), query))
        .isEqualTo(new Lookup.PotentialRoleNotFound<UsagePage>("pr"));
  }

  @Test
  void localMidnightInTheUsageZoneChangesTheCountsThroughTheCache() {
    ZoneId auckland = ZoneId.of("Pacific/Auckland");  // UTC+12 in June (NZST)
    // 23:59 on 2025-06-30 in Auckland; still 2025-06-30 in UTC after the move, so only the usage
    // zone's midnight is crossed (and the JVM zone of the build, Kiritimati, is on 07-01 throughout).
    MutableClock clock = new MutableClock(Instant.parse("2025-06-30T11:59:00Z"));
    CachedUsageStore cached = CachedUsageStore.builder(store).recordStats().build();
    RoleUsage engine = engine(cached, clock, auckland);
    engine.apply(ACME, engine.newChanges()
        .identity("id-a", "Ada", null).identity("id-b", "Bob", null)
        .membership("pr", "id-a").membership("pr", "id-b")
        .usage("id-a", "src", LocalDate.parse("2025-06-30"))
        .usage("id-a", "src", LocalDate.parse("2025-07-01"))   // tomorrow: not counted yet
        .usage("id-b", "src", LocalDate.parse("2025-04-02"))   // 89 days back: the window's first day
        .build());
    IdentityUsageQuery query = IdentityUsageQuery.builder("pr", "src")
        .sorters(Sorter.descending(SortField.USAGE_COUNT)).build();

    // Window 2025-04-02..2025-06-30: Ada 1 (06-30), Bob 1 (04-02); tie broken by id.
    List<IdentityUsage> beforeMidnight = List.of(
        new IdentityUsage("id-a", "Ada", null, 1), new IdentityUsage("id-b", "Bob", null, 1));
    assertThat(rows(engine, ACME, query)).isEqualTo(beforeMidnight);
    assertThat(rows(engine, ACME, query)).isEqualTo(beforeMidnight);
    assertThat(cached.stats().hitCount()).isEqualTo(1);

    clock.set(Instant.parse("2025-06-30T12:01:00Z"));  // 00:01 on 2025-07-01 in Auckland
    // Window 2025-04-03..2025-07-01: Ada 2 (06-30, 07-01), Bob 0.
    assertThat(rows(engine, ACME, query)).containsExactly(
        new IdentityUsage("id-a", "Ada", null, 2), new IdentityUsage("id-b", "Bob", null, 0));
    assertThat(store.tableReads).hasValue(2);
  }

  @Test
  void theRowBoundEvictsWholeTablesAndShowsInStats() {
    CachedUsageStore cached = CachedUsageStore.builder(store)
        .maximumRows(10).executor(Runnable::run).recordStats().build();
    RoleUsage engine = engine(cached);
    var changes = engine.newChanges().source("src", "Source");
    for (int i = 0; i < 6; i++) {
      changes.membership("pr-1", "id-1-" + i).membership("pr-2", "id-2-" + i);
    }
    for (int i = 0; i < 11; i++) {
      changes.membership("pr-big", "id-big-" + i);
    }
    engine.apply(ACME, changes.build());

    assertThat(rows(engine, ACME, IdentityUsageQuery.builder("pr-1", "src").build())).hasSize(6);
    cached.cleanUp();
    assertThat(cached.cachedRows()).isEqualTo(6);
    assertThat(cached.stats().evictionCount()).isZero();

    // 6 + 6 rows exceed 10: one of the two tables goes (which one is Caffeine's choice).
    assertThat(rows(engine, ACME, IdentityUsageQuery.builder("pr-2", "src").build())).hasSize(6);
    cached.cleanUp();
    assertThat(cached.stats().evictionCount()).isEqualTo(1);
    assertThat(cached.stats().evictionWeight()).isEqualTo(6);
    assertThat(cached.cachedRows()).isEqualTo(6);

    // A table larger than the whole bound is answered correctly but not kept.
    assertThat(rows(engine, ACME, IdentityUsageQuery.builder("pr-big", "src").build())).hasSize(11);
    cached.cleanUp();
    assertThat(cached.stats().evictionWeight()).isEqualTo(6 + 11);
    assertThat(cached.cachedRows()).isLessThanOrEqualTo(10);
  }

  @Test
  void aBoundOfZeroRowsKeepsNothingButStillAnswers() {
    CachedUsageStore cached = CachedUsageStore.builder(store)
        .maximumRows(0).executor(Runnable::run).recordStats().build();
    RoleUsage engine = engine(cached);
    engine.apply(ACME, engine.newChanges().identity("id-a", "Ada", null).membership("pr", "id-a")
        .source("src", "Source").build());
    IdentityUsageQuery query = IdentityUsageQuery.builder("pr", "src").build();

    for (int i = 1; i <= 3; i++) {
      assertThat(rows(engine, ACME, query)).containsExactly(new IdentityUsage("id-a", "Ada", null, 0));
      cached.cleanUp();
      assertThat(store.tableReads).hasValue(i);
    }
    assertThat(cached.cachedRows()).isZero();
  }

  @Test
  void entriesExpireAfterWriteAndAfterAccessAsConfigured() {
    InMemoryUsageStore data = new InMemoryUsageStore();
    ScriptedStore first = new ScriptedStore(data);
    ScriptedStore second = new ScriptedStore(data);
    AtomicLong nanos = new AtomicLong();
    CachedUsageStore byWrite = CachedUsageStore.builder(first).expireAfterWrite(Duration.ofMinutes(1))
        .executor(Runnable::run).ticker(nanos::get).build();
    CachedUsageStore byAccess = CachedUsageStore.builder(second).expireAfterAccess(Duration.ofMinutes(1))
        .executor(Runnable::run).ticker(nanos::get).build();
    RoleUsage writeEngine = engine(byWrite);
    RoleUsage accessEngine = engine(byAccess);
    data.apply(ACME, writeEngine.newChanges().identity("id-a", "Ada", null).membership("pr", "id-a")
        .source("src", "Source").build());
    IdentityUsageQuery query = IdentityUsageQuery.builder("pr", "src").build();

    rows(writeEngine, ACME, query);
    rows(accessEngine, ACME, query);
    for (int i = 0; i < 3; i++) {  // a read every 40 s, at 40, 80 and 120 s
      nanos.addAndGet(Duration.ofSeconds(40).toNanos());
      rows(writeEngine, ACME, query);
      rows(accessEngine, ACME, query);
    }
    // After write: loaded at 0 s, hit at 40 s, expired by 80 s (loaded again), hit at 120 s.
    assertThat(first.tableReads).hasValue(2);
    // After access: every read renews the entry, so the one load at 0 s serves all four reads.
    assertThat(second.tableReads).hasValue(1);
  }

  @Test
  void invalidateMakesWritesThatBypassedTheCacheVisible() {
    CachedUsageStore cached = CachedUsageStore.wrap(store);
    RoleUsage engine = engine(cached);
    engine.apply(ACME, engine.newChanges().identity("id-a", "Ada", null).membership("pr", "id-a")
        .source("src", "Source").build());
    IdentityUsageQuery query = IdentityUsageQuery.builder("pr", "src").build();
    assertThat(rows(engine, ACME, query)).containsExactly(new IdentityUsage("id-a", "Ada", null, 0));

    // Another writer of the same store, not through this cache: documented as unseen until invalidated.
    store.apply(ACME, engine.newChanges().usage("id-a", "src", LocalDate.parse("2025-06-30")).build());
    assertThat(rows(engine, ACME, query)).containsExactly(new IdentityUsage("id-a", "Ada", null, 0));

    cached.invalidate(ACME);
    assertThat(rows(engine, ACME, query)).containsExactly(new IdentityUsage("id-a", "Ada", null, 1));
  }

  @Test
  void aWriteThatThrowsStillDropsTheTenantsEntries() {
    // The store applied the write but the acknowledgement was lost: the outcome is unknown to the
    // cache, so it must not keep answering from before the write.
    CachedUsageStore cached = CachedUsageStore.wrap(new ThrowingWrites(store));
    RoleUsage engine = engine(cached);
    store.apply(ACME, engine.newChanges().identity("id-a", "Ada", null).membership("pr", "id-a")
        .source("src", "Source").build());
    IdentityUsageQuery query = IdentityUsageQuery.builder("pr", "src").build();
    assertThat(rows(engine, ACME, query)).containsExactly(new IdentityUsage("id-a", "Ada", null, 0));

    assertThatThrownBy(() -> engine.apply(ACME, engine.newChanges()
        .usage("id-a", "src", LocalDate.parse("2025-06-30")).build()))
        .hasMessage("commit outcome unknown");

    assertThat(rows(engine, ACME, query)).containsExactly(new IdentityUsage("id-a", "Ada", null, 1));
  }

  @Test
  void theBuilderRefusesBadSettingsWithMessagesThatSayWhatWasExpected() {
    assertThatThrownBy(() -> CachedUsageStore.builder(store).maximumRows(-1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("maximumRows must be zero or more, but was -1");
    assertThatThrownBy(() -> CachedUsageStore.builder(store).expireAfterAccess(Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("expireAfterAccess must be a positive duration, but was PT0S");
    assertThatThrownBy(() -> CachedUsageStore.builder(store).expireAfterWrite(Duration.ofSeconds(-5)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("expireAfterWrite must be a positive duration, but was PT-5S");
    assertThatThrownBy(() -> CachedUsageStore.builder(store).maximumRows(5).maximumRows(6))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("maximumRows was already set to 5");
    assertThatThrownBy(() -> CachedUsageStore.builder(null)).isInstanceOf(NullPointerException.class)
        .hasMessage("delegate");
  }

  /** A clock the test moves. */
  private static final class MutableClock extends Clock {
    private volatile Instant now;

    MutableClock(Instant now) {
      this.now = now;
    }

    void set(Instant now) {
      this.now = now;
    }

    @Override
    public Instant instant() {
      return now;
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      throw new UnsupportedOperationException();
    }
  }

  /** A store whose writes reach the data and then throw, as a lost commit acknowledgement would. */
  private static final class ThrowingWrites implements UsageStore {
    private final UsageStore real;

    ThrowingWrites(UsageStore real) {
      this.real = real;
    }

    @Override
    public void apply(TenantId tenant, ChangeSet changes) {
      real.apply(tenant, changes);
      throw new StoreException("commit outcome unknown");
    }

    @Override
    public Lookup<UsagePage> readPage(TenantId tenant, PageRequest request) {
      return real.readPage(tenant, request);
    }

    @Override
    public Lookup<UsageTable> readTable(TenantId tenant, TableRequest request) {
      return real.readTable(tenant, request);
    }
  }
}
