package dev.roleusage.storage.jdbi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.roleusage.model.ChangeSet;
import dev.roleusage.model.TenantId;
import dev.roleusage.query.IdentityUsage;
import dev.roleusage.query.SortField;
import dev.roleusage.query.Sorter;
import dev.roleusage.query.UsagePage;
import dev.roleusage.query.UsageWindow;
import dev.roleusage.spi.Lookup;
import dev.roleusage.spi.PageRequest;
import dev.roleusage.spi.StoreException;
import dev.roleusage.spi.TableRequest;
import dev.roleusage.spi.UsageTable;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.OptionalLong;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcConnectionPool;
import org.junit.jupiter.api.Test;

/**
 * What is particular to SQL (byte order, NULL placement, epoch days, transactions, connections),
 * run against each database. Every expected answer below is worked out by hand from CONTRACT §2–§4.
 */
abstract class SqlStoreChecks {
  static final LocalDate AS_OF = LocalDate.of(2025, 6, 30);
  static final UsageWindow WINDOW = UsageWindow.endingOn(AS_OF); // 2025-04-02 .. 2025-06-30

  private static final Set<String> POISONED = new HashSet<>();

  /** The store under test, shared by the class; every test uses fresh tenants. */
  abstract JdbiUsageStore store();

  /** Connections to the same database, for setting up failures. */
  abstract DataSource admin();

  /** {@code table} qualified with the store's schema. */
  abstract String table(String table);

  /** A pool of at most {@code max} connections to the same database. */
  abstract JdbcConnectionPool pool(int max);

  /** A builder over {@code dataSource} that targets the same schema as {@link #store()}. */
  abstract JdbiUsageStore.Builder sameSchema(DataSource dataSource);

  static TenantId tenant() {
    return TenantId.of("t-" + UUID.randomUUID());
  }

  static ChangeSet.Builder changes() {
    return ChangeSet.builder(ZoneOffset.UTC);
  }

  Lookup<UsagePage> page(TenantId t, String role, String source, int offset, int limit, Sorter... sorters) {
    return store().readPage(t, new PageRequest(role, source, WINDOW, List.of(sorters), offset, limit, true));
  }

  static List<String> ids(Lookup<UsagePage> page) {
    assertThat(page).isInstanceOf(Lookup.Found.class);
    List<String> ids = new ArrayList<>();
    page.valueOrNull().rows().forEach(r -> ids.add(r.id()));
    return ids;
  }

  /**
   * Ids in code point order: "a" is a prefix of all; "b" (0x62) is below "é" (UTF-8 C3 A9, a byte
   * ≥ 0x80 that a signed comparison would put first); U+FFFD is below U+1F600 although its UTF-16
   * unit FFFD is above the surrogate D83D (String.compareTo and H2 VARCHAR would swap them).
   */
  @Test
  void idsSortByCodePointNotUtf16NorSignedBytes() {
    TenantId t = tenant();
    String smiley = "a\uD83D\uDE00";
    store().apply(t, changes()
        .membership("pr", smiley).membership("pr", "a\uFFFD").membership("pr", "a\u00e9")
        .membership("pr", "ab").membership("pr", "a").source("src", null).build());

    assertThat(ids(page(t, "pr", "src", 0, 250))).containsExactly("a", "ab", "a\u00e9", "a\uFFFD", smiley);
    assertThat(ids(page(t, "pr", "src", 3, 1))).containsExactly("a\uFFFD");
  }

  /**
   * Display names fold with Locale.ROOT (the JVM runs in Turkish here: "I" must fold to "i", not
   * dotless "ı"), compare folded by code point, then the original; missing names come last in
   * both directions, tied by id.
   */
  @Test
  void displayNameOrderIsFoldedCodePointWithMissingLast() {
    TenantId t = tenant();
    ChangeSet.Builder b = changes().source("src", null)
        .identity("1", "zed", null)
        .identity("2", "\u00c9mile", null)   // folds to "émile": C3 A9 …, after "zed"
        .identity("3", "eve", null)
        .identity("4", "Eve", null)          // same fold as "eve"; original "E" < "e"
        .identity("5", null, null)           // missing
        .identity("6", "Ia", null)           // "ia" < "ib" under Locale.ROOT
        .identity("7", "ib", null)
        .identity("8", "x\uD83D\uDE00", null)
        .identity("9", "x\uFFFD", null);     // U+FFFD < U+1F600
    for (String id : List.of("1", "2", "3", "4", "5", "6", "7", "8", "9", "0")) {
      b.membership("pr", id);                // "0" has no identity record: missing name too
    }
    store().apply(t, b.build());

    assertThat(ids(page(t, "pr", "src", 0, 250, Sorter.ascending(SortField.DISPLAY_NAME))))
        .containsExactly("4", "3", "6", "7", "9", "8", "1", "2", "0", "5");
    assertThat(ids(page(t, "pr", "src", 0, 250, Sorter.descending(SortField.DISPLAY_NAME))))
        .containsExactly("2", "1", "8", "9", "7", "6", "3", "4", "0", "5");
  }

  @Test
  void missingEmailsComeLastInBothDirectionsThenUsageAndId() {
    TenantId t = tenant();
    store().apply(t, changes().source("src", null)
        .identity("m2", "M", null).identity("m1", "M", "")
        .identity("b", "B", "B@x.test").identity("a", "A", "a@x.test")
        .membership("pr", "m2").membership("pr", "m1").membership("pr", "b").membership("pr", "a")
        .usage("m2", "src", AS_OF)
        .build());

    assertThat(ids(page(t, "pr", "src", 0, 250, Sorter.ascending(SortField.EMAIL))))
        .containsExactly("a", "b", "m1", "m2");
    assertThat(ids(page(t, "pr", "src", 0, 250, Sorter.descending(SortField.EMAIL))))
        .containsExactly("b", "a", "m1", "m2");
    assertThat(ids(page(t, "pr", "src", 0, 250, Sorter.descending(SortField.EMAIL),
        Sorter.descending(SortField.USAGE_COUNT)))).containsExactly("b", "a", "m2", "m1");
  }

  /**
   * Days are stored as epoch days: the window's first and last day count, the days just outside
   * do not, and an instant counts on its UTC day whatever the JVM (Kiritimati, UTC+14) or
   * database session zone.
   */
  @Test
  void usageCountsDistinctDaysInsideTheWindowOnly() {
    TenantId t = tenant();
    store().apply(t, changes()
        .membership("pr", "u").membership("pr", "idle").membership("pr", "other-source")
        .usage("u", "src", LocalDate.of(2025, 4, 1))                   // day before the window
        .usage("u", "src", LocalDate.of(2025, 4, 2))                   // first day
        .usage("u", "src", Instant.parse("2025-04-02T23:59:59Z"))      // same day again
        .usage("u", "src", Instant.parse("2025-06-30T23:59:59Z"))      // last day (UTC)
        .usage("u", "src", Instant.parse("2025-07-01T00:00:00Z"))      // after asOf
        .usage("other-source", "src-2", AS_OF)
        .usage("not-a-member", "src", AS_OF)
        .build());
    // the same day written again in a later change set is still one day
    store().apply(t, changes().usage("u", "src", LocalDate.of(2025, 6, 30)).build());

    Lookup<UsagePage> result = page(t, "pr", "src", 0, 250, Sorter.descending(SortField.USAGE_COUNT));
    assertThat(result.valueOrNull().rows()).containsExactly(
        new IdentityUsage("u", null, null, 2),
        new IdentityUsage("idle", null, null, 0),
        new IdentityUsage("other-source", null, null, 0));
    assertThat(result.valueOrNull().total()).hasValue(3);
  }

  @Test
  void emptyRolesPagesPastTheEndAndLookupOrder() {
    TenantId t = tenant();
    store().apply(t, changes().potentialRole("empty", "E").source("declared", null)
        .membership("pr", "a").membership("pr", "b").usage("a", "used-only", AS_OF).build());

    assertThat(page(t, "empty", "declared", 0, 250).valueOrNull())
        .isEqualTo(UsagePage.of(List.of(), OptionalLong.of(0)));
    assertThat(store().readTable(t, new TableRequest("empty", "declared", WINDOW)).valueOrNull().rows()).isEmpty();
    assertThat(page(t, "pr", "declared", 2, 250).valueOrNull())
        .isEqualTo(UsagePage.of(List.of(), OptionalLong.of(2)));
    assertThat(page(t, "pr", "declared", Integer.MAX_VALUE, 250).valueOrNull())
        .isEqualTo(UsagePage.of(List.of(), OptionalLong.of(2)));
    assertThat(page(t, "pr", "declared", 0, 0).valueOrNull())
        .isEqualTo(UsagePage.of(List.of(), OptionalLong.of(2)));
    assertThat(ids(page(t, "pr", "used-only", 1, 250))).containsExactly("b");
    assertThat(page(t, "nope", "nope", 0, 250)).isEqualTo(new Lookup.PotentialRoleNotFound<>("nope"));
    assertThat(page(t, "pr", "nope", 0, 250)).isEqualTo(new Lookup.SourceNotFound<>("nope"));
    // another tenant knows none of it
    assertThat(page(tenant(), "pr", "declared", 0, 250)).isEqualTo(new Lookup.PotentialRoleNotFound<>("pr"));
  }

  @Test
  void writingAgainReplacesIdentitiesAndKeepsSetsSets() {
    TenantId t = tenant();
    store().apply(t, changes().identity("x", "Zoe", "z@x.test").identity("y", "Yan", null)
        .membership("pr", "x").membership("pr", "y").usage("x", "src", AS_OF).build());
    store().apply(t, changes().identity("x", "Abe", null)
        .membership("pr", "x").usage("x", "src", AS_OF).potentialRole("pr", "named later").build());

    UsageTable table = store().readTable(t, new TableRequest("pr", "src", WINDOW)).valueOrNull();
    assertThat(table.rows()).containsExactlyInAnyOrder(
        new IdentityUsage("x", "Abe", null, 1), new IdentityUsage("y", "Yan", null, 0));
    assertThat(ids(page(t, "pr", "src", 0, 250, Sorter.ascending(SortField.DISPLAY_NAME)))).containsExactly("x", "y");
  }

  /** More rows than one JDBC batch holds: every row is written once. */
  @Test
  void changeSetsLargerThanOneBatchAreWrittenWhole() {
    TenantId t = tenant();
    ChangeSet.Builder b = changes();
    int members = ChangeWriter.CHUNK_ROWS + 7;
    for (int i = 0; i < members; i++) {
      String id = String.format("m%05d", i);
      b.membership("pr", id);
      b.usage(id, "src", AS_OF);
      if (i % 3 == 0) {
        b.usage(id, "src", AS_OF.minusDays(89));
      }
    }
    store().apply(t, b.build());

    Lookup<UsagePage> top = page(t, "pr", "src", 0, 2, Sorter.descending(SortField.USAGE_COUNT));
    assertThat(top.valueOrNull().rows()).containsExactly(
        new IdentityUsage("m00000", null, null, 2), new IdentityUsage("m00003", null, null, 2));
    assertThat(top.valueOrNull().total()).hasValue(members);
    assertThat(page(t, "pr", "src", members - 1, 5, Sorter.descending(SortField.USAGE_COUNT)).valueOrNull().rows())
        .containsExactly(new IdentityUsage(String.format("m%05d", members - 1), null, null, 1));
  }

  /**
   * A reader running while a large change set is written sees none of it or all of it: the role
   * unknown, or every member with the total equal to the page's view of the role.
   */
  @Test
  void readersNeverSeePartOfAChangeSet() throws Exception {
    TenantId t = tenant();
    int members = 2 * ChangeWriter.CHUNK_ROWS + 1; // three statements per table
    ChangeSet.Builder b = changes().source("src", null);
    for (int i = 0; i < members; i++) {
      b.identity("m" + i, "Name " + i, null).membership("pr", "m" + i).usage("m" + i, "src", AS_OF);
    }
    ChangeSet big = b.build();
    AtomicBoolean done = new AtomicBoolean();
    List<String> seen = Collections.synchronizedList(new ArrayList<>());
    Thread reader = new Thread(() -> {
      while (!done.get()) {
        Lookup<UsagePage> p = page(t, "pr", "src", members - 1, 5, Sorter.descending(SortField.USAGE_COUNT));
        if (p instanceof Lookup.Found<UsagePage> f) {
          UsagePage v = f.value();
          seen.add("total=" + v.total().getAsLong() + " rows=" + v.rows().size()
              + " count=" + (v.rows().isEmpty() ? -1 : v.rows().get(0).usageCount()));
        } else {
          seen.add(p.toString());
        }
      }
    });
    reader.start();
    try {
      store().apply(t, big);
    } finally {
      done.set(true);
      reader.join();
    }
    seen.add(String.valueOf(page(t, "pr", "src", members - 1, 5).valueOrNull().total().getAsLong()));
    assertThat(seen).allSatisfy(s -> assertThat(s).isIn(
        new Lookup.PotentialRoleNotFound<UsagePage>("pr").toString(),
        "total=" + members + " rows=1 count=1",
        String.valueOf(members)));
  }

  /** Rejects usage by identity "poison" in this database: a failure in the last table a write touches. */
  void poisonUsageTable() {
    String usage = table("ru_usage_day");
    synchronized (POISONED) {
      if (POISONED.add(usage)) {
        PostgresSchema.execute(admin(), "ALTER TABLE " + usage
            + " ADD CONSTRAINT rut_no_poison CHECK (identity_id <> 'poison')");
      }
    }
  }

  @Test
  void aFailedWriteLeavesNothingBehindAndNamesNoSql() {
    poisonUsageTable();
    TenantId t = tenant();
    store().apply(t, changes().identity("old", "Old name", null).membership("pr", "old").source("src", null).build());

    ChangeSet failing = changes()
        .identity("old", "New name", null).identity("new", "New", null)
        .potentialRole("pr2", null).source("src2", null)
        .membership("pr", "new").membership("pr2", "new")
        .usage("new", "src", AS_OF).usage("poison", "src3", AS_OF)
        .build();
    assertThatThrownBy(() -> store().apply(t, failing))
        .isInstanceOf(StoreException.class)
        .satisfies(e -> assertThat(e.getMessage()).doesNotContainIgnoringCase("insert")
            .doesNotContainIgnoringCase("merge").doesNotContain("ru_").doesNotContain("poison"));

    assertThat(store().readTable(t, new TableRequest("pr", "src", WINDOW)).valueOrNull().rows())
        .containsExactly(new IdentityUsage("old", "Old name", null, 0));
    assertThat(page(t, "pr2", "src", 0, 250)).isEqualTo(new Lookup.PotentialRoleNotFound<>("pr2"));
    assertThat(page(t, "pr", "src2", 0, 250)).isEqualTo(new Lookup.SourceNotFound<>("src2"));
    assertThat(page(t, "pr", "src3", 0, 250)).isEqualTo(new Lookup.SourceNotFound<>("src3"));
  }

  /** A pool of two connections that waits 5 s at most: a single leaked connection per call would stall it. */
  @Test
  void aTinyPoolSurvivesManyCallsAndFailures() {
    poisonUsageTable();
    JdbcConnectionPool pool = pool(2);
    try {
      JdbiUsageStore store = sameSchema(pool).build();
      TenantId t = tenant();
      ChangeSet poison = changes().membership("pr", "poison").usage("poison", "src", AS_OF).build();
      for (int i = 0; i < 60; i++) {
        store.apply(t, changes().membership("pr", "m" + i).usage("m" + i, "src", AS_OF).build());
        assertThatThrownBy(() -> store.apply(t, poison)).isInstanceOf(StoreException.class);
        assertThat(store.readPage(t, new PageRequest("pr", "src", WINDOW, List.of(), 0, 1, true))
            .valueOrNull().total()).hasValue(i + 1);
        assertThat(store.readPage(t, new PageRequest("pr", "none", WINDOW, List.of(), 0, 1, true)))
            .isInstanceOf(Lookup.SourceNotFound.class);
        assertThat(store.readTable(t, new TableRequest("none", "src", WINDOW)))
            .isInstanceOf(Lookup.PotentialRoleNotFound.class);
      }
      assertThat(pool.getActiveConnections()).isZero();
    } finally {
      pool.dispose();
    }
  }

  @Test
  void aClosedDataSourceIsAStoreException() {
    JdbcConnectionPool pool = pool(1);
    JdbiUsageStore store = sameSchema(pool).build();
    pool.dispose();

    assertThat(page(tenant(), "pr", "src", 0, 1)).isInstanceOf(Lookup.PotentialRoleNotFound.class); // others unaffected
    assertThatThrownBy(() -> store.readPage(tenant(), new PageRequest("pr", "src", WINDOW, List.of(), 0, 1, true)))
        .isInstanceOf(StoreException.class);
    assertThatThrownBy(() -> store.apply(tenant(), changes().membership("pr", "a").build()))
        .isInstanceOf(StoreException.class);
  }
}
