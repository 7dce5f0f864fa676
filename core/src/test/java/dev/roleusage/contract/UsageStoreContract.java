package dev.roleusage.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import dev.roleusage.RoleUsage;
import dev.roleusage.model.ChangeSet;
import dev.roleusage.model.Identity;
import dev.roleusage.model.InvalidRecordException;
import dev.roleusage.model.TenantId;
import dev.roleusage.query.IdentityUsage;
import dev.roleusage.query.IdentityUsageQuery;
import dev.roleusage.query.ParsedQuery;
import dev.roleusage.query.QueryString;
import dev.roleusage.query.SortField;
import dev.roleusage.query.Sorter;
import dev.roleusage.query.UsagePage;
import dev.roleusage.query.Violation;
import dev.roleusage.spi.Lookup;
import dev.roleusage.spi.TableRequest;
import dev.roleusage.spi.UsageStore;
import dev.roleusage.spi.UsageTable;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.TimeZone;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The behaviour every {@link UsageStore} must have (CONTRACT §2–§4, §6, and §1 as far as the
 * engine owns it). Each store's test module extends this class and implements {@link #newStore()};
 * nothing else changes (the Jdbi pattern). See {@code core/README.md}.
 *
 * <pre>{@code
 * class InMemoryUsageStoreTest extends UsageStoreContract {
 *   @Override protected UsageStore newStore() { return new InMemoryUsageStore(); }
 * }
 * }</pre>
 *
 * <p>Every expected value is worked out independently of the code under test: by hand (with the
 * arithmetic in a comment) or by {@link ReferenceAnswers}, a brute-force oracle that shares no
 * code with the engine. Every test writes into its own {@link #freshTenant()}, so SQL stores can
 * run the whole suite against one database.
 *
 * <p>The suite runs entirely on JUnit Jupiter (the property test is seeded dynamic tests, not a
 * separate engine), so a subclass's {@code @BeforeAll}/{@code @AfterAll} apply to every test.
 */
public abstract class UsageStoreContract {
  /** 2025-06-30 in UTC: the window is 2025-04-02 … 2025-06-30. */
  protected static final Instant NOW = Instant.parse("2025-06-30T12:00:00Z");
  protected static final LocalDate AS_OF = LocalDate.parse("2025-06-30");

  private UsageStore store;

  /**
   * A store to test. Called at most once per test method (the suite's data-set cases and seeded
   * property runs share that one store and use a fresh tenant each), so it may be as costly as
   * creating a schema. The tenants this suite uses must see no data.
   */
  protected abstract UsageStore newStore();

  /** Releases a store made by {@link #newStore()} after its test; nothing by default. */
  protected void releaseStore(UsageStore store) throws Exception {}

  /** The store of the current test, made on first use. */
  protected final UsageStore store() {
    if (store == null) {
      store = newStore();
    }
    return store;
  }

  @AfterEach
  final void releaseStoreAfterTest() throws Exception {
    if (store != null) {
      UsageStore s = store;
      store = null;
      releaseStore(s);
    }
  }

  /** A tenant id no other test uses, so tests may share a database. */
  protected static TenantId freshTenant() {
    return TenantId.of("t-" + UUID.randomUUID());
  }

  protected static RoleUsage engine(UsageStore store, Instant now) {
    return engine(store, now, ZoneOffset.UTC);
  }

  protected static RoleUsage engine(UsageStore store, Instant now, ZoneId usageZone) {
    return RoleUsage.builder(store).clock(Clock.fixed(now, ZoneOffset.UTC)).usageZone(usageZone).build();
  }

  // ------------------------------------------------------------------ helpers

  private static IdentityUsageQuery.Builder query(String role, String source) {
    return IdentityUsageQuery.builder(role, source);
  }

  private static UsagePage found(Lookup<UsagePage> lookup) {
    assertThat(lookup).isInstanceOf(Lookup.Found.class);
    return lookup.valueOrNull();
  }

  private static UsagePage page(RoleUsage engine, TenantId tenant, IdentityUsageQuery.Builder q) {
    return found(engine.query(tenant, q.build()));
  }

  private static List<String> ids(UsagePage page) {
    return page.rows().stream().map(IdentityUsage::id).collect(Collectors.toList());
  }

  private static List<String> idsSortedBy(RoleUsage engine, TenantId tenant, String role, Sorter... sorters) {
    return ids(page(engine, tenant, query(role, "src").sorters(sorters)));
  }

  private static Sorter asc(SortField f) {
    return Sorter.ascending(f);
  }

  private static Sorter desc(SortField f) {
    return Sorter.descending(f);
  }

  private static final SortField NAME = SortField.DISPLAY_NAME;
  private static final SortField EMAIL = SortField.EMAIL;
  private static final SortField COUNT = SortField.USAGE_COUNT;

  /** Writes identities with the given display names, all members of {@code pr}, source {@code src} declared. */
  private static void membersNamed(RoleUsage engine, TenantId tenant, String... idAndName) {
    ChangeSet.Builder b = engine.newChanges().potentialRole("pr", null).source("src", null);
    for (int i = 0; i < idAndName.length; i += 2) {
      b.identity(idAndName[i], idAndName[i + 1], null).membership("pr", idAndName[i]);
    }
    engine.apply(tenant, b.build());
  }

  // ------------------------------------------------------------------ §2 what a row is

  @Test
  void everyMemberAppearsExactlyOnceAndNonMembersNever() {
    RoleUsage engine = engine(store(), NOW);
    TenantId tenant = freshTenant();
    engine.apply(tenant, engine.newChanges()
        .identity("id-a", "Ada", "ada@example.test")
        .identity("id-b", "Bob", null)
        .identity("id-x", "Xavier", "x@example.test")   // not a member, but used the source
        .membership("pr", "id-a")
        .membership("pr", "id-b")
        .membership("pr", "id-bare")                    // a member with no identity record
        .membership("other", "id-x")
        .usage("id-a", "src", AS_OF)
        .usage("id-x", "src", AS_OF)
        .build());
    // A membership written again, in a later batch, is still one row.
    engine.apply(tenant, engine.newChanges().membership("pr", "id-a").build());

    UsagePage page = page(engine, tenant, query("pr", "src").count(true));

    // No sorter: id order. id-a used src once (today); id-b and id-bare never: 0.
    assertThat(page.rows()).containsExactly(
        new IdentityUsage("id-a", "Ada", "ada@example.test", 1),
        new IdentityUsage("id-b", "Bob", null, 0),
        new IdentityUsage("id-bare", null, null, 0));
    assertThat(page.total()).hasValue(3);
  }

  @Test
  void usageCountCountsDistinctDaysNotUses() {
    RoleUsage engine = engine(store(), NOW);
    TenantId tenant = freshTenant();
    engine.apply(tenant, engine.newChanges()
        .identity("id-a", "Ada", null)
        .membership("pr", "id-a")
        .usage("id-a", "src", Instant.parse("2025-06-30T00:00:00Z"))
        .usage("id-a", "src", Instant.parse("2025-06-30T08:00:00Z"))
        .usage("id-a", "src", Instant.parse("2025-06-30T11:59:59Z"))
        .usage("id-a", "src", AS_OF)                                      // same day again, as a date
        .usage("id-a", "src", Instant.parse("2025-06-29T23:59:59Z"))      // the day before
        .usage("id-a", "src", LocalDate.parse("2025-05-01"))
        .usage("id-a", "other", LocalDate.parse("2025-05-02"))            // another source: not counted
        .build());
    // The same day once more in a later batch: still one day.
    engine.apply(tenant, engine.newChanges().usage("id-a", "src", Instant.parse("2025-06-30T10:00:00Z")).build());

    // Days used: 06-30, 06-29, 05-01 = 3.
    assertThat(page(engine, tenant, query("pr", "src")).rows())
        .containsExactly(new IdentityUsage("id-a", "Ada", null, 3));
  }

  @Test
  void windowIsTheNinetyDaysEndingTodayInclusiveOnBothEnds() {
    RoleUsage engine = engine(store(), NOW);
    TenantId tenant = freshTenant();
    ChangeSet.Builder b = engine.newChanges()
        .membership("pr", "id-edges").membership("pr", "id-full").membership("pr", "id-out");
    // asOf = 2025-06-30; asOf-89 = 2025-04-02 (counted), asOf-90 = 2025-04-01 (not), asOf+1 = 07-01 (future: ignored).
    b.usage("id-edges", "src", LocalDate.parse("2025-04-02"))
        .usage("id-edges", "src", LocalDate.parse("2025-06-30"))
        .usage("id-edges", "src", LocalDate.parse("2025-04-01"))
        .usage("id-edges", "src", LocalDate.parse("2025-07-01"));
    // Every day from 2025-03-01 to 2025-07-31: only the 90 window days count, so exactly 90.
    for (LocalDate d = LocalDate.parse("2025-03-01"); !d.isAfter(LocalDate.parse("2025-07-31")); d = d.plusDays(1)) {
      b.usage("id-full", "src", d);
    }
    // Only days outside: 0.
    b.usage("id-out", "src", LocalDate.parse("2025-04-01"))
        .usage("id-out", "src", LocalDate.parse("2024-06-30"))
        .usage("id-out", "src", Instant.parse("2025-07-01T00:00:00Z"));
    engine.apply(tenant, b.build());

    assertThat(page(engine, tenant, query("pr", "src")).rows()).containsExactly(
        new IdentityUsage("id-edges", null, null, 2),
        new IdentityUsage("id-full", null, null, 90),
        new IdentityUsage("id-out", null, null, 0));
  }

  @Test
  void instantsCountOnTheirDayInTheUsageZoneAndTheJvmZoneNeverMatters() {
    UsageStore store = store();
    // Clock 2025-06-30T20:00Z. In UTC today is 06-30 (window 04-02..06-30);
    // in Asia/Tokyo (+09:00) it is 2025-07-01 05:00, so today is 07-01 (window 04-03..07-01).
    Instant now = Instant.parse("2025-06-30T20:00:00Z");
    ZoneId tokyo = ZoneId.of("Asia/Tokyo");
    String[] instants = {
        "2025-04-02T12:00:00Z",   // UTC 04-02 (in window);  Tokyo 04-02 21:00 (asOf-90: out)
        "2025-04-02T16:00:00Z",   // UTC 04-02 (same day);   Tokyo 04-03 01:00 (asOf-89: in)
        "2025-06-30T14:00:00Z",   // UTC 06-30 (in);         Tokyo 06-30 23:00 (in)
        "2025-06-30T16:00:00Z",   // UTC 06-30 (same day);   Tokyo 07-01 01:00 (today: in)
        "2025-06-30T21:00:00Z"};  // UTC 06-30 (after the clock, same day: in); Tokyo 07-01 06:00 (in)
    // UTC days: {04-02, 06-30} = 2.  Tokyo days: {04-03, 06-30, 07-01} = 3.
    TimeZone jvmZone = TimeZone.getDefault();
    Locale jvmLocale = Locale.getDefault();
    try {
      Map<ZoneId, Integer> expected = Map.of(ZoneOffset.UTC, 2, tokyo, 3);
      for (Map.Entry<ZoneId, Integer> e : expected.entrySet()) {
        RoleUsage engine = engine(store, now, e.getKey());
        TenantId tenant = freshTenant();
        TimeZone.setDefault(TimeZone.getTimeZone("America/Los_Angeles"));   // writes under one JVM zone...
        ChangeSet.Builder b = engine.newChanges().identity("id-a", "Ada", null).membership("pr", "id-a");
        for (String at : instants) {
          b.usage("id-a", "src", Instant.parse(at));
        }
        engine.apply(tenant, b.build());
        for (String jvm : List.of("Pacific/Kiritimati", "Pacific/Pago_Pago", "UTC")) {
          TimeZone.setDefault(TimeZone.getTimeZone(jvm));                   // ...reads under others
          Locale.setDefault(Locale.forLanguageTag("tr-TR"));
          assertThat(page(engine, tenant, query("pr", "src")).rows())
              .as("usage zone %s, JVM zone %s", e.getKey(), jvm)
              .containsExactly(new IdentityUsage("id-a", "Ada", null, e.getValue()));
        }
      }
    } finally {
      TimeZone.setDefault(jvmZone);
      Locale.setDefault(jvmLocale);
    }
  }

  @Test
  void displayNameAndEmailAreKeptAsStoredAndMissingValuesAreNull() {
    RoleUsage engine = engine(store(), NOW);
    TenantId tenant = freshTenant();
    engine.apply(tenant, engine.newChanges()
        .identity("id-1", "ÅSA Öberg-İnce", "MiXeD.Case@Example.TEST")
        .identity("id-2", "\uD83D\uDE00 Émile", "")   // "" is missing
        .identity("id-3", null, "only@mail.test")
        .identity("id-4", "", null)
        .membership("pr", "id-1").membership("pr", "id-2").membership("pr", "id-3").membership("pr", "id-4")
        .source("src", "S")
        .build());

    assertThat(page(engine, tenant, query("pr", "src")).rows()).containsExactly(
        new IdentityUsage("id-1", "ÅSA Öberg-İnce", "MiXeD.Case@Example.TEST", 0),
        new IdentityUsage("id-2", "\uD83D\uDE00 Émile", null, 0),
        new IdentityUsage("id-3", null, "only@mail.test", 0),
        new IdentityUsage("id-4", null, null, 0));
  }

  // ------------------------------------------------------------------ §3 order

  @Test
  void textIsComparedCaseInsensitivelyWithTheRootLocale() {
    Locale jvmLocale = Locale.getDefault();
    try {
      // Under a Turkish locale "Ivy".toLowerCase() is "ıvy" (dotless ı, U+0131), which would sort
      // after "jo"; with Locale.ROOT it is "ivy": hal < ivy < jo.
      Locale.setDefault(Locale.forLanguageTag("tr-TR"));
      RoleUsage engine = engine(store(), NOW);
      TenantId tenant = freshTenant();
      membersNamed(engine, tenant, "id-1", "Jo", "id-2", "Ivy", "id-3", "hal", "id-4", "IVAN");
      // Folded: jo, ivy, hal, ivan  → hal(3) < ivan(4) < ivy(2) < jo(1).
      assertThat(idsSortedBy(engine, tenant, "pr", asc(NAME))).containsExactly("id-3", "id-4", "id-2", "id-1");
      assertThat(idsSortedBy(engine, tenant, "pr", desc(NAME))).containsExactly("id-1", "id-2", "id-4", "id-3");
    } finally {
      Locale.setDefault(jvmLocale);
    }
  }

  @Test
  void textIsComparedByCodePointNotUtf16Unit() {
    RoleUsage engine = engine(store(), NOW);
    TenantId tenant = freshTenant();
    // U+E000 < U+FFFD < U+1F600 by code point. String.compareTo puts U+1F600 first (its high
    // surrogate U+D83D is below U+E000); so would a UTF-16 collation.
    membersNamed(engine, tenant, "id-1", "\uD83D\uDE00", "id-2", "\uFFFD", "id-3", "\uE000", "id-4", "z");
    // Lower-casing leaves these unchanged; 'z' (U+007A) is the smallest.
    assertThat(idsSortedBy(engine, tenant, "pr", asc(NAME))).containsExactly("id-4", "id-3", "id-2", "id-1");
    assertThat(idsSortedBy(engine, tenant, "pr", desc(NAME))).containsExactly("id-1", "id-2", "id-3", "id-4");
  }

  @Test
  void valuesEqualIgnoringCaseAreOrderedByTheOriginalCodePoints() {
    RoleUsage engine = engine(store(), NOW);
    TenantId tenant = freshTenant();
    // All fold to "abe"; originals: "ABE" (41 42 45) < "Abe" (41 62 65) < "aBe" (61 42 65) < "abe" (61 62 65).
    membersNamed(engine, tenant, "id-1", "abe", "id-2", "ABE", "id-3", "aBe", "id-4", "Abe", "id-5", "abd");
    // "abd" folds below "abe": first ascending, last descending.
    assertThat(idsSortedBy(engine, tenant, "pr", asc(NAME)))
        .containsExactly("id-5", "id-2", "id-4", "id-3", "id-1");
    assertThat(idsSortedBy(engine, tenant, "pr", desc(NAME)))
        .containsExactly("id-1", "id-3", "id-4", "id-2", "id-5");
  }

  @Test
  void missingValuesSortLastInBothDirections() {
    RoleUsage engine = engine(store(), NOW);
    TenantId tenant = freshTenant();
    engine.apply(tenant, engine.newChanges()
        .identity("id-1", "Bea", null)
        .identity("id-2", null, "b@x.test")
        .identity("id-3", "Al", "a@x.test")
        .identity("id-4", null, null)
        .membership("pr", "id-1").membership("pr", "id-2").membership("pr", "id-3").membership("pr", "id-4")
        .membership("pr", "id-0")   // no identity record: both missing
        .source("src", null)
        .build());
    // Names: Al(3) < Bea(1), then missing 0, 2, 4 by id.
    assertThat(idsSortedBy(engine, tenant, "pr", asc(NAME))).containsExactly("id-3", "id-1", "id-0", "id-2", "id-4");
    assertThat(idsSortedBy(engine, tenant, "pr", desc(NAME))).containsExactly("id-1", "id-3", "id-0", "id-2", "id-4");
    // Emails: a@(3) < b@(2), then missing 0, 1, 4 by id.
    assertThat(idsSortedBy(engine, tenant, "pr", asc(EMAIL))).containsExactly("id-3", "id-2", "id-0", "id-1", "id-4");
    assertThat(idsSortedBy(engine, tenant, "pr", desc(EMAIL))).containsExactly("id-2", "id-3", "id-0", "id-1", "id-4");
  }

  @Test
  void tiesAreBrokenByIdAscendingByCodePointWhateverTheDirections() {
    RoleUsage engine = engine(store(), NOW);
    TenantId tenant = freshTenant();
    // Ids by code point: "B" (42) < "a" (61) < "b" (62) < U+FFFD < U+1F600 (String.compareTo would
    // put U+1F600 before U+FFFD). All have the same name, email and count.
    List<String> ids = List.of("b", "\uD83D\uDE00", "a", "\uFFFD", "B");
    ChangeSet.Builder b = engine.newChanges().source("src", null);
    for (String id : ids) {
      b.identity(id, "Same", "same@x.test").membership("pr", id).usage(id, "src", AS_OF);
    }
    engine.apply(tenant, b.build());
    List<String> byId = List.of("B", "a", "b", "\uFFFD", "\uD83D\uDE00");
    assertThat(idsSortedBy(engine, tenant, "pr")).containsExactlyElementsOf(byId);
    for (SortField f : SortField.values()) {
      assertThat(idsSortedBy(engine, tenant, "pr", asc(f))).as("%s", f).containsExactlyElementsOf(byId);
      assertThat(idsSortedBy(engine, tenant, "pr", desc(f))).as("-%s", f).containsExactlyElementsOf(byId);
    }
    assertThat(idsSortedBy(engine, tenant, "pr", desc(COUNT), desc(NAME), asc(EMAIL))).containsExactlyElementsOf(byId);
  }

  @Test
  void usageCountSortsNumericallyAndSortersApplyInTurn() {
    RoleUsage engine = engine(store(), NOW);
    TenantId tenant = freshTenant();
    ChangeSet.Builder b = engine.newChanges()
        .identity("id-1", "Cy", "c@x.test").identity("id-2", "Al", "z@x.test")
        .identity("id-3", "Bo", "c@x.test").identity("id-4", "Al", "a@x.test")
        .identity("id-5", null, "c@x.test");
    for (int i = 1; i <= 5; i++) {
      b.membership("pr", "id-" + i);
    }
    // Counts: id-1: 10, id-2: 2, id-3: 10, id-4: 2, id-5: 9 (10 > 9 > 2 numerically; as text "9" > "10").
    int[] days = {10, 2, 10, 2, 9};
    for (int i = 1; i <= 5; i++) {
      for (int d = 0; d < days[i - 1]; d++) {
        b.usage("id-" + i, "src", AS_OF.minusDays(d));
      }
    }
    engine.apply(tenant, b.build());

    // usageCount ascending: 2 (id-2, id-4 by id), 9 (id-5), 10 (id-1, id-3).
    assertThat(idsSortedBy(engine, tenant, "pr", asc(COUNT))).containsExactly("id-2", "id-4", "id-5", "id-1", "id-3");
    // -usageCount, displayName: 10 → Bo(3) < Cy(1); 9 → id-5; 2 → Al, Al tie → id-2 < id-4.
    assertThat(idsSortedBy(engine, tenant, "pr", desc(COUNT), asc(NAME)))
        .containsExactly("id-3", "id-1", "id-5", "id-2", "id-4");
    // email, -usageCount: a@(4); c@ → counts 10 (id-1, id-3 by id), 9 (id-5); z@(2).
    assertThat(idsSortedBy(engine, tenant, "pr", asc(EMAIL), desc(COUNT)))
        .containsExactly("id-4", "id-1", "id-3", "id-5", "id-2");
    // -displayName, email: Cy(1), Bo(3), Al → a@(4) < z@(2), then missing name (5).
    assertThat(idsSortedBy(engine, tenant, "pr", desc(NAME), asc(EMAIL)))
        .containsExactly("id-1", "id-3", "id-4", "id-2", "id-5");
  }

  // ------------------------------------------------------------------ §1/§4 paging and totals

  @Test
  void pagingSlicesTheOrderAndTotalIsTheMemberCount() {
    RoleUsage engine = engine(store(), NOW);
    TenantId tenant = freshTenant();
    membersNamed(engine, tenant, "id-1", "E", "id-2", "D", "id-3", "C", "id-4", "B", "id-5", "A");
    // By name: A(5) B(4) C(3) D(2) E(1).
    IdentityUsageQuery.Builder byName = query("pr", "src").sorters(asc(NAME)).count(true);
    assertThat(ids(page(engine, tenant, byName.offset(0).limit(2)))).containsExactly("id-5", "id-4");
    assertThat(ids(page(engine, tenant, byName.offset(2).limit(2)))).containsExactly("id-3", "id-2");
    UsagePage last = page(engine, tenant, byName.offset(4).limit(2));
    assertThat(ids(last)).containsExactly("id-1");
    assertThat(last.total()).hasValue(5);

    for (int[] emptyPage : new int[][] {{5, 250}, {6, 1}, {1000, 250}, {Integer.MAX_VALUE, 250}, {0, 0}, {3, 0}}) {
      UsagePage p = page(engine, tenant, query("pr", "src").offset(emptyPage[0]).limit(emptyPage[1]).count(true));
      assertThat(p.rows()).as("offset %d limit %d", emptyPage[0], emptyPage[1]).isEmpty();
      assertThat(p.total()).as("offset %d limit %d", emptyPage[0], emptyPage[1]).hasValue(5);
    }
    // Without count=true there is no total.
    assertThat(page(engine, tenant, query("pr", "src").limit(1)).total()).isEmpty();
  }

  @Test
  void unknownRoleAndUnknownSourceAreNotFoundRoleFirst() {
    RoleUsage engine = engine(store(), NOW);
    TenantId tenant = freshTenant();
    engine.apply(tenant, engine.newChanges()
        .membership("pr", "id-1").source("src", null).usage("id-1", "used-only", AS_OF).build());

    assertThat(engine.query(tenant, query("nope", "src").build()))
        .isEqualTo(new Lookup.PotentialRoleNotFound<UsagePage>("nope"));
    assertThat(engine.query(tenant, query("nope", "nope-src").build()))
        .as("the role is checked first").isEqualTo(new Lookup.PotentialRoleNotFound<UsagePage>("nope"));
    assertThat(engine.query(tenant, query("pr", "nope-src").build()))
        .isEqualTo(new Lookup.SourceNotFound<UsagePage>("nope-src"));
    // Ids are exact: case and a '/' from %2F are part of the id.
    assertThat(engine.query(tenant, query("PR", "src").build())).isInstanceOf(Lookup.PotentialRoleNotFound.class);
    assertThat(engine.query(tenant, query("pr/x", "src").build())).isInstanceOf(Lookup.PotentialRoleNotFound.class);
    assertThat(engine.query(tenant, query("pr", "SRC").build())).isInstanceOf(Lookup.SourceNotFound.class);
    // A source known only from usage rows is known.
    assertThat(page(engine, tenant, query("pr", "used-only")).rows())
        .containsExactly(new IdentityUsage("id-1", null, null, 1));
  }

  @Test
  void declaredRoleWithoutMembersIsEmptyAndKnownUnusedSourceCountsZero() {
    RoleUsage engine = engine(store(), NOW);
    TenantId tenant = freshTenant();
    engine.apply(tenant, engine.newChanges()
        .potentialRole("pr-empty", "Empty").identity("id-1", "Ada", null).membership("pr", "id-1")
        .source("src", "S").source("quiet", "never used").usage("id-1", "src", AS_OF)
        .build());

    UsagePage empty = page(engine, tenant, query("pr-empty", "src").count(true));
    assertThat(empty.rows()).isEmpty();
    assertThat(empty.total()).hasValue(0);
    UsagePage quiet = page(engine, tenant, query("pr", "quiet").count(true));
    assertThat(quiet.rows()).containsExactly(new IdentityUsage("id-1", "Ada", null, 0));
    assertThat(quiet.total()).hasValue(1);
  }

  @Test
  void readTableHasTheSameRowsAsThePagesAndTheSameLookups() {
    UsageStore store = store();
    RoleUsage engine = engine(store, NOW);
    TenantId tenant = freshTenant();
    engine.apply(tenant, engine.newChanges()
        .identity("id-1", "Ada", "a@x.test").identity("id-2", null, null)
        .membership("pr", "id-1").membership("pr", "id-2").membership("pr", "id-3")
        .usage("id-1", "src", AS_OF).usage("id-1", "src", AS_OF.minusDays(89)).usage("id-2", "src", AS_OF.minusDays(90))
        .potentialRole("pr-empty", null)
        .build());
    Lookup<UsageTable> table = store.readTable(tenant, new TableRequest("pr", "src", engine.currentWindow()));
    assertThat(table).isInstanceOf(Lookup.Found.class);
    assertThat(table.valueOrNull().rows()).containsExactlyInAnyOrder(
        new IdentityUsage("id-1", "Ada", "a@x.test", 2),
        new IdentityUsage("id-2", null, null, 0),
        new IdentityUsage("id-3", null, null, 0));
    assertThat(table.valueOrNull().rows()).containsExactlyInAnyOrderElementsOf(
        page(engine, tenant, query("pr", "src")).rows());
    assertThat(store.readTable(tenant, new TableRequest("pr-empty", "src", engine.currentWindow())).valueOrNull().rows())
        .isEmpty();
    assertThat(store.readTable(tenant, new TableRequest("nope", "nope", engine.currentWindow())))
        .isEqualTo(new Lookup.PotentialRoleNotFound<UsageTable>("nope"));
    assertThat(store.readTable(tenant, new TableRequest("pr", "nope", engine.currentWindow())))
        .isEqualTo(new Lookup.SourceNotFound<UsageTable>("nope"));
  }

  // ------------------------------------------------------------------ §6 data and isolation

  @Test
  void tenantsNeverSeeEachOthersRows() {
    RoleUsage engine = engine(store(), NOW);
    TenantId one = freshTenant();
    TenantId two = freshTenant();
    engine.apply(one, engine.newChanges()
        .identity("id-1", "One's Ada", "ada@one.test").membership("pr", "id-1")
        .usage("id-1", "src", AS_OF).build());
    engine.apply(two, engine.newChanges()
        .identity("id-1", "Two's Ada", null).identity("id-2", "Bob", null)
        .membership("pr", "id-1").membership("pr", "id-2").membership("only-two", "id-2")
        .usage("id-1", "src", AS_OF).usage("id-1", "src", AS_OF.minusDays(1)).usage("id-2", "src2", AS_OF)
        .build());

    UsagePage p1 = page(engine, one, query("pr", "src").count(true));
    assertThat(p1.rows()).containsExactly(new IdentityUsage("id-1", "One's Ada", "ada@one.test", 1));
    assertThat(p1.total()).hasValue(1);
    UsagePage p2 = page(engine, two, query("pr", "src").count(true));
    assertThat(p2.rows()).containsExactly(
        new IdentityUsage("id-1", "Two's Ada", null, 2), new IdentityUsage("id-2", "Bob", null, 0));
    assertThat(p2.total()).hasValue(2);
    assertThat(engine.query(one, query("only-two", "src").build())).isInstanceOf(Lookup.PotentialRoleNotFound.class);
    assertThat(engine.query(one, query("pr", "src2").build())).isInstanceOf(Lookup.SourceNotFound.class);
    assertThat(engine.query(freshTenant(), query("pr", "src").build())).isInstanceOf(Lookup.PotentialRoleNotFound.class);
  }

  @Test
  void writesAreVisibleToTheNextRead() {
    RoleUsage engine = engine(store(), NOW);
    TenantId tenant = freshTenant();
    engine.apply(tenant, engine.newChanges().identity("id-1", "Ada", "ada@x.test").membership("pr", "id-1")
        .source("src", null).build());
    IdentityUsageQuery.Builder q = query("pr", "src").sorters(desc(COUNT)).count(true);
    assertThat(page(engine, tenant, q).rows()).containsExactly(new IdentityUsage("id-1", "Ada", "ada@x.test", 0));

    engine.apply(tenant, engine.newChanges().usage("id-1", "src", AS_OF).build());
    assertThat(page(engine, tenant, q).rows()).containsExactly(new IdentityUsage("id-1", "Ada", "ada@x.test", 1));

    engine.apply(tenant, engine.newChanges().membership("pr", "id-2").usage("id-2", "src", AS_OF)
        .usage("id-2", "src", AS_OF.minusDays(3)).build());
    UsagePage afterMember = page(engine, tenant, q);
    assertThat(afterMember.rows()).containsExactly(
        new IdentityUsage("id-2", null, null, 2), new IdentityUsage("id-1", "Ada", "ada@x.test", 1));
    assertThat(afterMember.total()).hasValue(2);

    // Upsert: a new record for id-1 replaces its name and drops its email; id-2 gains a name.
    engine.apply(tenant, engine.newChanges().identity("id-1", "Ada Lovelace", null).identity("id-2", "Bob", "b@x.test").build());
    assertThat(page(engine, tenant, q).rows()).containsExactly(
        new IdentityUsage("id-2", "Bob", "b@x.test", 2), new IdentityUsage("id-1", "Ada Lovelace", null, 1));
  }

  @Test
  void writesReachEveryRoleAndTheTableToo() {
    UsageStore store = store();
    RoleUsage engine = engine(store, NOW);
    TenantId tenant = freshTenant();
    engine.apply(tenant, engine.newChanges().identity("id-1", "Ada", null)
        .membership("pr", "id-1").membership("pr2", "id-1").source("src", null).build());
    TableRequest table = new TableRequest("pr2", "src", engine.currentWindow());
    // Read everything once (a cache now holds it), then rename id-1 and add usage.
    assertThat(page(engine, tenant, query("pr", "src")).rows()).containsExactly(new IdentityUsage("id-1", "Ada", null, 0));
    assertThat(page(engine, tenant, query("pr2", "src")).rows()).containsExactly(new IdentityUsage("id-1", "Ada", null, 0));
    assertThat(store.readTable(tenant, table).valueOrNull().rows()).containsExactly(new IdentityUsage("id-1", "Ada", null, 0));
    engine.apply(tenant, engine.newChanges().identity("id-1", "Ada L.", "ada@x.test").usage("id-1", "src", AS_OF).build());
    IdentityUsage renamed = new IdentityUsage("id-1", "Ada L.", "ada@x.test", 1);
    assertThat(page(engine, tenant, query("pr", "src")).rows()).containsExactly(renamed);
    assertThat(page(engine, tenant, query("pr2", "src")).rows()).containsExactly(renamed);
    assertThat(store.readTable(tenant, table).valueOrNull().rows()).containsExactly(renamed);
  }

  @Test
  void aNotFoundIsNeverServedAfterAWriteCreatesTheRoleOrTheSource() {
    RoleUsage engine = engine(store(), NOW);
    TenantId tenant = freshTenant();
    IdentityUsageQuery q = query("pr", "src").count(true).build();
    assertThat(engine.query(tenant, q)).isEqualTo(new Lookup.PotentialRoleNotFound<UsagePage>("pr"));
    engine.apply(tenant, engine.newChanges().membership("pr", "id-1").build());
    assertThat(engine.query(tenant, q)).isEqualTo(new Lookup.SourceNotFound<UsagePage>("src"));
    // The source becomes known from a usage row alone.
    engine.apply(tenant, engine.newChanges().usage("id-9", "src", AS_OF).build());
    UsagePage page = found(engine.query(tenant, q));
    assertThat(page.rows()).containsExactly(new IdentityUsage("id-1", null, null, 0));
    assertThat(page.total()).hasValue(1);
  }

  @Test
  void aLaterDayChangesTheCounts() {
    UsageStore store = store();
    TenantId tenant = freshTenant();
    RoleUsage today = engine(store, NOW);
    RoleUsage tomorrow = engine(store, NOW.plusSeconds(86_400));
    RoleUsage later = engine(store, NOW.plusSeconds(90L * 86_400));
    today.apply(tenant, today.newChanges().membership("pr", "id-1")
        .usage("id-1", "src", LocalDate.parse("2025-04-02"))    // asOf-89 today; asOf-90 tomorrow
        .usage("id-1", "src", LocalDate.parse("2025-06-30"))
        .usage("id-1", "src", LocalDate.parse("2025-07-01"))    // future today; asOf tomorrow
        .build());
    IdentityUsageQuery q = query("pr", "src").build();
    // Today (06-30): 04-02, 06-30 = 2. Tomorrow (07-01, window 04-03..07-01): 06-30, 07-01 = 2 but a different set.
    // 90 days on (09-28, window 07-01..09-28): 07-01 = 1.
    assertThat(found(today.query(tenant, q)).rows()).containsExactly(new IdentityUsage("id-1", null, null, 2));
    assertThat(found(tomorrow.query(tenant, q)).rows()).containsExactly(new IdentityUsage("id-1", null, null, 2));
    assertThat(found(later.query(tenant, q)).rows()).containsExactly(new IdentityUsage("id-1", null, null, 1));
    today.apply(tenant, today.newChanges().usage("id-1", "src", LocalDate.parse("2025-06-29")).build());
    // Today: 04-02, 06-29, 06-30 = 3; tomorrow: 06-29, 06-30, 07-01 = 3; 90 days on: still 1.
    assertThat(found(today.query(tenant, q)).rows()).containsExactly(new IdentityUsage("id-1", null, null, 3));
    assertThat(found(tomorrow.query(tenant, q)).rows()).containsExactly(new IdentityUsage("id-1", null, null, 3));
    assertThat(found(later.query(tenant, q)).rows()).containsExactly(new IdentityUsage("id-1", null, null, 1));
    today.apply(tenant, today.newChanges().usage("id-1", "src", LocalDate.parse("2025-04-01")).build());
    // 04-01 is asOf-90 today and outside tomorrow's window: no change anywhere.
    assertThat(found(today.query(tenant, q)).rows()).containsExactly(new IdentityUsage("id-1", null, null, 3));
    assertThat(found(tomorrow.query(tenant, q)).rows()).containsExactly(new IdentityUsage("id-1", null, null, 3));
  }

  @Test
  void aBatchWithAnInvalidRecordIsRefusedWholeNamingTheRecord() {
    RoleUsage engine = engine(store(), NOW);
    TenantId tenant = freshTenant();
    engine.apply(tenant, engine.newChanges().identity("id-1", "Ada", null).membership("pr", "id-1")
        .source("src", null).build());
    List<IdentityUsage> before = List.of(new IdentityUsage("id-1", "Ada", null, 0));

    // The same identity twice in one change set: which name is meant is ambiguous.
    assertThatThrownBy(() -> engine.apply(tenant, engine.newChanges()
        .identity("id-2", "Bob", null).membership("pr", "id-2").usage("id-2", "src", AS_OF)
        .identity("id-2", "Robert", null).build()))
        .isInstanceOfSatisfying(InvalidRecordException.class,
            e -> assertThat(e.record()).isEqualTo("identity 'id-2'"));
    // An oversized value (displayName longer than 512 chars).
    assertThatThrownBy(() -> engine.apply(tenant, engine.newChanges()
        .membership("pr", "id-3").identity(Identity.of("id-3", "x".repeat(513), null)).build()))
        .isInstanceOfSatisfying(InvalidRecordException.class, e -> {
          assertThat(e.record()).isEqualTo("identity 'id-3'");
          assertThat(e.problem()).contains("displayName");
        });
    // A control character in an id.
    assertThatThrownBy(() -> engine.apply(tenant, engine.newChanges()
        .membership("pr", "id-4").membership("pr", "id-\u0007bell").build()))
        .isInstanceOfSatisfying(InvalidRecordException.class, e -> assertThat(e.record()).contains("id-\u0007bell"));
    // An id longer than 128 chars.
    assertThatThrownBy(() -> engine.apply(tenant, engine.newChanges()
        .usage("id-1", "src", AS_OF.minusDays(1)).usage("id-1", "s".repeat(129), AS_OF).build()))
        .isInstanceOf(InvalidRecordException.class).hasMessageContaining("longer than 128");

    UsagePage after = page(engine, tenant, query("pr", "src").count(true));
    assertThat(after.rows()).containsExactlyElementsOf(before);
    assertThat(after.total()).hasValue(1);
  }

  @Test
  void concurrentReadersNeverSeeHalfABatch() throws Exception {
    UsageStore store = store();
    RoleUsage engine = engine(store, NOW);
    TenantId tenant = freshTenant();
    engine.apply(tenant, engine.newChanges().potentialRole("pr", null).source("src", null).build());
    int batches = 40;
    // Batch k adds members m-k-a and m-k-b (both used src today) and renames every member to
    // "gen-k". A reader that sees all of some batches and none of the others sees an even
    // total, as many rows as the total, one name on every row, and usageCount 1 everywhere.
    AtomicBoolean writing = new AtomicBoolean(true);
    ExecutorService pool = Executors.newFixedThreadPool(3);
    try {
      Future<Integer> writer = pool.submit(() -> {
        try {
          List<String> all = new ArrayList<>();
          for (int k = 1; k <= batches; k++) {
            all.add(String.format("m-%02d-a", k));
            all.add(String.format("m-%02d-b", k));
            ChangeSet.Builder b = engine.newChanges();
            for (String id : all) {
              b.identity(id, "gen-" + k, null);
            }
            b.membership("pr", all.get(all.size() - 2)).membership("pr", all.get(all.size() - 1))
                .usage(all.get(all.size() - 2), "src", AS_OF).usage(all.get(all.size() - 1), "src", AS_OF);
            engine.apply(tenant, b.build());
          }
          return batches;
        } finally {
          writing.set(false);
        }
      });
      List<Future<Integer>> readers = new ArrayList<>();
      for (int r = 0; r < 2; r++) {
        boolean useTable = r == 1;
        readers.add(pool.submit(() -> {
          int reads = 0;
          boolean last = false;
          while (!last && reads < 100_000) {
            last = !writing.get();   // one more read after the writer is done
            List<IdentityUsage> rows;
            if (useTable) {
              rows = store.readTable(tenant, new TableRequest("pr", "src", engine.currentWindow())).valueOrNull().rows();
            } else {
              UsagePage p = found(engine.query(tenant, query("pr", "src").sorters(desc(NAME)).count(true).build()));
              rows = p.rows();
              assertThat(p.total()).hasValue(rows.size());
            }
            assertThat(rows.size() % 2).as("row count %d", rows.size()).isZero();
            assertThat(rows.stream().map(IdentityUsage::displayName).distinct().count()).isLessThanOrEqualTo(1);
            assertThat(rows).allSatisfy(row -> assertThat(row.usageCount()).isEqualTo(1));
            if (last) {
              assertThat(rows).hasSize(2 * batches);
              assertThat(rows).allSatisfy(row -> assertThat(row.displayName()).isEqualTo("gen-" + batches));
            }
            reads++;
          }
          return reads;
        }));
      }
      assertThat(writer.get(5, TimeUnit.MINUTES)).isEqualTo(batches);
      for (Future<Integer> reader : readers) {
        assertThat(reader.get(5, TimeUnit.MINUTES)).isPositive();
      }
    } finally {
      pool.shutdownNow();
    }
  }

  // ------------------------------------------------------------------ the shared cases (CONTRACT §1–§4)

  /**
   * The requests of {@code shared/cases/contract-cases.json} that CONTRACT §1 refuses, with the
   * violations worked out by hand: one per broken rule, naming the parameter and offending item.
   * A request not listed here must parse. A new case in the file that should be a 400 fails until
   * it is worked out and added here.
   */
  private static final Map<String, List<Violation>> REFUSED = Map.ofEntries(
      refused("?limit=251", Violation.of("limit", Violation.Code.ABOVE_MAXIMUM, "251", 250)),
      refused("?limit=-1", Violation.of("limit", Violation.Code.BELOW_MINIMUM, "-1", 0)),
      refused("?limit=abc", Violation.of("limit", Violation.Code.NOT_AN_INTEGER, "abc")),
      refused("?limit=", Violation.of("limit", Violation.Code.NOT_AN_INTEGER, "")),
      refused("?offset=-1", Violation.of("offset", Violation.Code.BELOW_MINIMUM, "-1", 0)),
      refused("?offset=2147483648", Violation.of("offset", Violation.Code.ABOVE_MAXIMUM, "2147483648", 2147483647)),
      refused("?offset=1.5", Violation.of("offset", Violation.Code.NOT_AN_INTEGER, "1.5")),
      refused("?count=yes", Violation.of("count", Violation.Code.NOT_A_BOOLEAN, "yes")),
      refused("?sorters=name", Violation.of("sorters", Violation.Code.SORTER_UNKNOWN_FIELD, "name")),
      refused("?sorters=-", Violation.of("sorters", Violation.Code.SORTER_EMPTY, "-")),
      refused("?sorters=displayName,,email", Violation.of("sorters", Violation.Code.SORTER_EMPTY, "")),
      refused("?sorters=displayName,-displayName",
          Violation.of("sorters", Violation.Code.SORTER_REPEATED_FIELD, "-displayName")),
      refused("?sorters=displayName,", Violation.of("sorters", Violation.Code.SORTER_EMPTY, "")),
      refused("?sorters=DisplayName", Violation.of("sorters", Violation.Code.SORTER_UNKNOWN_FIELD, "DisplayName")),
      refused("?limit=1&limit=2", Violation.of("limit", Violation.Code.PARAMETER_REPEATED, null)),
      Map.entry("/role-mining-potential-roles/" + "x".repeat(129) + "/sources/src/identityUsage",
          List.of(Violation.of("potentialRoleId", Violation.Code.ID_TOO_LONG, null, 128))));

  @Test
  void everyHandWorkedRefusalIsARequestOfTheSharedCases() {
    Set<String> targets = ContractCase.loadAll().stream().flatMap(c -> c.requests().stream())
        .map(ContractCase.Request::target).collect(Collectors.toSet());
    assertThat(targets).containsAll(REFUSED.keySet());
  }

  private static Map.Entry<String, List<Violation>> refused(String query, Violation v) {
    return Map.entry("/role-mining-potential-roles/pr/sources/src/identityUsage" + query, List.of(v));
  }

  /**
   * Every request of every shared case: routed and parsed as CONTRACT §1 says, answered by the
   * engine over this store, and compared with {@link ReferenceAnswers} and with the case's
   * hand-worked {@code expect}. Each case's data is loaded once, into its own tenant, on first use.
   */
  @TestFactory
  Stream<DynamicNode> sharedContractCases() {
    UsageStore store = store();
    DataSets dataSets = new DataSets(store);
    return ContractCase.loadAll().stream().map(c -> {
      Supplier<LoadedCase> loaded = once(() -> new LoadedCase(c, store, dataSets));
      List<DynamicTest> tests = new ArrayList<>();
      for (int i = 0; i < c.requests().size(); i++) {
        ContractCase.Request request = c.requests().get(i);
        Optional<CaseRoute> route = CaseRoute.of(request.target());
        String note = route.isPresent() && !route.get().experimentalHeaderAccepted(request.headers())
            ? " [HTTP facade: 400 for X-SailPoint-Experimental; core answer checked as with the check off]" : "";
        tests.add(DynamicTest.dynamicTest("#" + i + " " + shorten(request.target()) + note,
            () -> checkSharedRequest(c, request, loaded)));
      }
      return DynamicContainer.dynamicContainer(c.name(), tests);
    });
  }

  private static String shorten(String s) {
    return s.length() > 160 ? s.substring(0, 160) + "…" : s;
  }

  private static void checkSharedRequest(ContractCase c, ContractCase.Request request, Supplier<LoadedCase> loaded) {
    CaseRoute route = CaseRoute.of(request.target())
        .orElseThrow(() -> new AssertionError("not a route of this operation: " + request.target()));
    ParsedQuery parsed = IdentityUsageQuery.parse(route.potentialRoleId(), route.sourceId(),
        QueryString.parse(route.rawQuery()));
    List<Violation> refusedWith = REFUSED.get(request.target());
    if (refusedWith != null) {
      assertThat(request.expectBody()).as("a refused request has no body to expect").isEmpty();
      assertThat(parsed).isInstanceOf(ParsedQuery.Invalid.class);
      assertThat(((ParsedQuery.Invalid) parsed).violations()).containsExactlyElementsOf(refusedWith);
      return;
    }
    assertThat(parsed).as("CONTRACT §1 accepts %s", request.target()).isInstanceOf(ParsedQuery.Valid.class);
    IdentityUsageQuery q = ((ParsedQuery.Valid) parsed).query();
    LoadedCase data = loaded.get();
    Lookup<UsagePage> actual = data.query(q);
    ReferenceAnswers.Answer expected = data.reference.answer(q.potentialRoleId(), q.sourceId(), q.sorters(),
        c.asOf(), c.zone());
    switch (expected.outcome()) {
      case POTENTIAL_ROLE_NOT_FOUND:
        assertThat(actual).isEqualTo(new Lookup.PotentialRoleNotFound<UsagePage>(q.potentialRoleId()));
        assertThat(request.expectBody()).isEmpty();
        return;
      case SOURCE_NOT_FOUND:
        assertThat(actual).isEqualTo(new Lookup.SourceNotFound<UsagePage>(q.sourceId()));
        assertThat(request.expectBody()).isEmpty();
        return;
      default:
        break;
    }
    UsagePage page = found(actual);
    assertThat(page.rows()).as("rows of %s", request.target())
        .containsExactlyElementsOf(expected.page(q.offset(), q.limit()));
    if (q.count()) {
      assertThat(page.total()).hasValue(expected.total());
    } else {
      assertThat(page.total()).isEmpty();
    }
    request.expectBody().ifPresent(body -> assertThat(page.rows()).containsExactlyElementsOf(rowsOf(body)));
    request.expectTotal().ifPresent(total -> assertThat(page.total()).hasValue(total));
  }

  /** A case's hand-worked body: an absent key is a missing value. */
  private static List<IdentityUsage> rowsOf(JsonNode body) {
    List<IdentityUsage> rows = new ArrayList<>();
    for (JsonNode r : body) {
      rows.add(new IdentityUsage(r.get("id").asText(),
          r.hasNonNull("displayName") ? r.get("displayName").asText() : null,
          r.hasNonNull("email") ? r.get("email").asText() : null,
          r.get("usageCount").asInt()));
    }
    return rows;
  }

  /**
   * Data-set folders loaded into one store, each once per usage zone (cases that differ only in
   * their clock share the tenant), with the oracle for each folder.
   */
  private static final class DataSets {
    final UsageStore store;
    final Map<String, TenantId> tenants = new HashMap<>();
    final Map<Path, ReferenceAnswers> references = new HashMap<>();

    DataSets(UsageStore store) {
      this.store = store;
    }

    synchronized TenantId tenant(ContractCase c, RoleUsage engine) {
      return tenants.computeIfAbsent(c.dataset().orElseThrow() + " in " + c.zone(), k -> {
        TenantId tenant = freshTenant();
        engine.apply(tenant, c.changes());
        return tenant;
      });
    }

    synchronized ReferenceAnswers reference(ContractCase c) {
      return references.computeIfAbsent(c.dataset().orElseThrow(), ReferenceAnswers::fromFolder);
    }
  }

  /** A case loaded into one store: its tenant, its engine (clock and zone of the case) and its oracle. */
  private static final class LoadedCase {
    final ContractCase c;
    final TenantId tenant;
    final RoleUsage engine;
    final ReferenceAnswers reference;

    LoadedCase(ContractCase c, UsageStore store, DataSets dataSets) {
      this.c = c;
      this.engine = engine(store, c.asOf(), c.zone());
      if (c.dataset().isPresent() && dataSets != null) {
        this.tenant = dataSets.tenant(c, engine);
        this.reference = dataSets.reference(c);
      } else {
        this.tenant = freshTenant();
        this.reference = ReferenceAnswers.of(c);
        engine.apply(tenant, c.changes());
      }
    }

    Lookup<UsagePage> query(IdentityUsageQuery q) {
      if (c.jvmTimezone().isEmpty()) {
        return engine.query(tenant, q);
      }
      TimeZone saved = TimeZone.getDefault();
      try {
        TimeZone.setDefault(TimeZone.getTimeZone(c.jvmTimezone().get()));
        return engine.query(tenant, q);
      } finally {
        TimeZone.setDefault(saved);
      }
    }
  }

  private static <T> Supplier<T> once(Supplier<T> supplier) {
    return new Supplier<>() {
      private T value;

      @Override
      public synchronized T get() {
        if (value == null) {
          value = supplier.get();
        }
        return value;
      }
    };
  }

  // ------------------------------------------------------------------ hand-worked shared cases

  private LoadedCase loadNamed(String name) {
    return new LoadedCase(ContractCase.named(name), store(), null);
  }

  private static List<String> idsOf(LoadedCase data, String rawQuery) {
    ParsedQuery parsed = IdentityUsageQuery.parse("pr", "src", QueryString.parse(rawQuery));
    return ids(found(data.query(((ParsedQuery.Valid) parsed).query())));
  }

  @Test
  void handWorkedTiesAreBrokenById() {
    LoadedCase data = loadNamed("ties-are-broken-by-id");
    // Days used: id-00: 3, id-01: 1, id-02: 3, id-03: 2, id-04: 3, id-05: 1, id-06: 2.
    // -usageCount: 3s (00, 02, 04), 2s (03, 06), 1s (01, 05), each group by id.
    assertThat(idsOf(data, "sorters=-usageCount&limit=2&offset=0")).containsExactly("id-00", "id-02");
    assertThat(idsOf(data, "sorters=-usageCount&limit=2&offset=2")).containsExactly("id-04", "id-03");
    assertThat(idsOf(data, "sorters=-usageCount&limit=2&offset=4")).containsExactly("id-06", "id-01");
    assertThat(idsOf(data, "sorters=-usageCount&limit=2&offset=6")).containsExactly("id-05");
    assertThat(idsOf(data, "sorters=usageCount"))
        .containsExactly("id-01", "id-05", "id-03", "id-06", "id-00", "id-02", "id-04");
    // -usageCount,-displayName: 3s Jo(04) > Hal(02) > Fay(00); 2s Lu(06) > Ivy(03); 1s Kim(05) > Gus(01).
    assertThat(idsOf(data, "sorters=-usageCount,-displayName"))
        .containsExactly("id-04", "id-02", "id-00", "id-06", "id-03", "id-05", "id-01");
  }

  @Test
  void handWorkedCaseInsensitiveOrder() {
    LoadedCase data = loadNamed("case-insensitive-order");
    // Names fold to: id-1 "bea example", id-2 "abe example", id-3 "cal example", id-4 "abe example";
    // id-2/id-4 tie, originals "Abe…" (A=41) < "abe…" (a=61).
    assertThat(idsOf(data, "sorters=displayName")).containsExactly("id-2", "id-4", "id-1", "id-3");
    assertThat(idsOf(data, "sorters=-displayName")).containsExactly("id-3", "id-1", "id-4", "id-2");
    // Emails fold to abe@(2) < bea@(1) < cal@(3, stored "CAL@") < dee@(4).
    assertThat(idsOf(data, "sorters=email")).containsExactly("id-2", "id-1", "id-3", "id-4");
    assertThat(idsOf(data, "sorters=-email")).containsExactly("id-4", "id-3", "id-1", "id-2");
  }

  @Test
  void handWorkedMissingEmailOmittedAndLast() {
    LoadedCase data = loadNamed("missing-email-omitted-and-last");
    // Emails: ann@(a) < zed@(z); id-n and id-q have none: last, by id, in both directions.
    assertThat(idsOf(data, "sorters=email")).containsExactly("id-a", "id-z", "id-n", "id-q");
    assertThat(idsOf(data, "sorters=-email")).containsExactly("id-z", "id-a", "id-n", "id-q");
    // Names: Ann < Ned < Zed, id-q has none.
    assertThat(idsOf(data, "sorters=displayName")).containsExactly("id-a", "id-n", "id-z", "id-q");
    assertThat(idsOf(data, "sorters=-displayName")).containsExactly("id-z", "id-n", "id-a", "id-q");
    ParsedQuery.Valid q = (ParsedQuery.Valid) IdentityUsageQuery.parse("pr", "src",
        QueryString.parse("sorters=email&limit=2&offset=2&count=true"));
    UsagePage page = found(data.query(q.query()));
    // id-a used src on 06-30 and 06-29 (2), id-n on 06-30 (1), id-q never (0).
    assertThat(page.rows()).containsExactly(
        new IdentityUsage("id-n", "Ned Example", null, 1), new IdentityUsage("id-q", null, null, 0));
    assertThat(page.total()).hasValue(4);
  }

  @Test
  void handWorkedWindowEnds() {
    LoadedCase data = loadNamed("window-ends");
    ParsedQuery.Valid q = (ParsedQuery.Valid) IdentityUsageQuery.parse("pr", "src", QueryString.parse("sorters=displayName"));
    // asOf 2025-06-30, window 2025-04-02..06-30.
    // Ada: 04-01T23:59:59Z (day 04-01: out), 04-02T00:00:00Z (in), 06-30T11:59Z (in) = 2.
    // Bob: every day 04-01..06-30 (91 days, 04-01 out) = 90, the 06-30T09:00Z use is a repeat of 06-30.
    assertThat(found(data.query(q.query())).rows()).containsExactly(
        new IdentityUsage("id-ada", "Ada Example", "ada@example.test", 2),
        new IdentityUsage("id-bob", "Bob Example", "bob@example.test", 90));
  }

  // ------------------------------------------------------------------ property: random data vs the oracle

  /** Seeds of the property test; each is one tenant with random data in the one store of the run. */
  protected int propertyTries() {
    return 60;
  }

  /**
   * For random members, names, usage, sorters, offsets and limits: every page equals the oracle's
   * full sort cut at [offset, offset + limit), the total is the member count, paging through with
   * a small limit returns every member exactly once in order, and readTable has the same rows.
   */
  @TestFactory
  Stream<DynamicTest> randomDataPagesEqualTheReference() {
    UsageStore store = store();
    return IntStream.rangeClosed(1, propertyTries()).mapToObj(seed -> {
      RandomCase rc = new RandomCase(seed * 7_919L);
      return DynamicTest.dynamicTest(rc.toString(), () -> checkRandomCase(store, rc));
    });
  }

  private static void checkRandomCase(UsageStore store, RandomCase rc) {
    RoleUsage engine = engine(store, rc.now, rc.zone);
    TenantId tenant = freshTenant();
    engine.apply(tenant, rc.changes());
    ReferenceAnswers reference = rc.reference();
    Random r = new Random(rc.seed);
    for (int round = 0; round < 4; round++) {
      List<Sorter> sorters = RandomCase.sorters(r);
      ReferenceAnswers.Answer expected = reference.answer(RandomCase.ROLE, RandomCase.SOURCE, sorters, rc.now, rc.zone);
      int n = expected.total();
      assertThat(n).isEqualTo(new HashSet<>(rc.members).size());
      for (int p = 0; p < 4; p++) {
        int offset = r.nextInt(5) == 0 ? n + r.nextInt(3) : r.nextInt(n + 1);
        int limit = r.nextInt(6) == 0 ? 250 : r.nextInt(n + 2);
        UsagePage page = found(engine.query(tenant,
            query(RandomCase.ROLE, RandomCase.SOURCE).sorters(sorters).offset(offset).limit(limit).count(true).build()));
        assertThat(page.rows()).as("sorters %s offset %d limit %d", sorters, offset, limit)
            .containsExactlyElementsOf(expected.page(offset, limit));
        assertThat(page.total()).hasValue(n);
      }
      int step = 1 + r.nextInt(5);
      List<IdentityUsage> walked = new ArrayList<>();
      for (int offset = 0; offset < n + step; offset += step) {
        walked.addAll(found(engine.query(tenant,
            query(RandomCase.ROLE, RandomCase.SOURCE).sorters(sorters).offset(offset).limit(step).build())).rows());
      }
      assertThat(walked).as("paging by %d through %s", step, sorters).containsExactlyElementsOf(expected.sortedRows());
      assertThat(walked.stream().map(IdentityUsage::id).distinct().count()).isEqualTo(n);
    }
    List<IdentityUsage> table = store.readTable(tenant,
        new TableRequest(RandomCase.ROLE, RandomCase.SOURCE, engine.currentWindow())).valueOrNull().rows();
    assertThat(table).containsExactlyInAnyOrderElementsOf(
        reference.answer(RandomCase.ROLE, RandomCase.SOURCE, List.of(), rc.now, rc.zone).sortedRows());
  }
}
