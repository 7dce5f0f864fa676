package dev.roleusage.storage.jdbi;

import static org.assertj.core.api.Assertions.assertThat;

import dev.roleusage.model.ChangeSet;
import dev.roleusage.model.TenantId;
import dev.roleusage.query.IdentityUsage;
import dev.roleusage.query.SortField;
import dev.roleusage.query.Sorter;
import dev.roleusage.query.UsagePage;
import dev.roleusage.query.UsageWindow;
import dev.roleusage.spi.Lookup;
import dev.roleusage.spi.PageRequest;
import dev.roleusage.spi.TableRequest;
import dev.roleusage.spi.UsageStore;
import dev.roleusage.spi.UsageTable;
import dev.roleusage.storage.memory.InMemoryUsageStore;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The same seeded random data and queries on the memory store, H2 and PostgreSQL give equal
 * pages, totals, tables and not-found answers. The data is built to hit every trap: ids and names
 * with U+FFFD vs supplementary characters, bytes ≥ 0x80, case and Turkish-I variants, names equal
 * ignoring case, missing values, members without identity records, usage around both ends of the
 * window, instants near midnight, re-declared identities.
 */
class ParityTest {
  private static final LocalDate AS_OF = LocalDate.of(2025, 6, 30);
  private static final String[] ID_PARTS = {
      "a", "A", "b", "\u00e9", "\u00c9", "\uFFFD", "\uD83D\uDE00", "z", "\u0131", "I", "\u0130", "\u00df", "0", "-"};
  private static final String[] NAMES = {
      "Ada", "ada", "ADA", "\u00c9mile", "\u00e9mile", "eve", "Eve", "\u0130lker", "ilker", "Iris", "\u0131ris",
      "x\uFFFD", "x\uD83D\uDE00", "Zoe", "\u00df", "SS", "ss", null, ""};
  private static final String[] EMAILS = {
      "a@x.test", "A@x.test", "b@x.test", "\u00e9@x.test", "\uFFFD@x.test", "\uD83D\uDE00@x.test", "Z@x.test", null};

  private static final InMemoryUsageStore MEMORY = new InMemoryUsageStore();
  private static final JdbiUsageStore H2 = JdbiUsageStore.forJdbcUrl("jdbc:h2:mem:");
  private static final PostgresSchema POSTGRES = PostgresSchema.create(ParityTest.class);

  @AfterAll
  static void close() {
    H2.close();
    POSTGRES.close();
  }

  private static Map<String, UsageStore> stores() {
    return Map.of("memory", MEMORY, "H2", H2, "PostgreSQL", POSTGRES.store);
  }

  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3})
  void sameDataGivesSameAnswersEverywhere(long seed) {
    Random random = new Random(seed);
    TenantId tenant = TenantId.of("parity-" + seed + "-" + UUID.randomUUID());
    List<String> ids = randomIds(random, 90);
    ChangeSet first = randomChanges(random, ids, true);
    ChangeSet second = randomChanges(random, ids, false);
    for (UsageStore store : stores().values()) {
      store.apply(tenant, first);
      store.apply(tenant, second);
    }

    List<String> roles = List.of("r1", "r2", "r3", "r-empty", "nope");
    List<String> sources = List.of("s1", "s2", "s3", "nope");
    List<UsageWindow> windows = List.of(UsageWindow.endingOn(AS_OF), UsageWindow.endingOn(AS_OF.minusDays(30)));
    int compared = 0;
    for (String role : roles) {
      for (String source : sources) {
        for (UsageWindow window : windows) {
          assertSameTable(tenant, new TableRequest(role, source, window));
          for (int q = 0; q < 8; q++) {
            PageRequest request = new PageRequest(role, source, window, randomSorters(random),
                random.nextInt(4) == 0 ? random.nextInt(80) : 0,
                new int[] {0, 1, 7, 33, 250}[random.nextInt(5)], random.nextInt(5) != 0);
            assertSamePage(tenant, request);
            compared++;
          }
        }
      }
    }
    assertThat(compared).isEqualTo(5 * 4 * 2 * 8);
  }

  private static void assertSamePage(TenantId tenant, PageRequest request) {
    Lookup<UsagePage> expected = MEMORY.readPage(tenant, request);
    for (Map.Entry<String, UsageStore> e : stores().entrySet()) {
      assertThat(e.getValue().readPage(tenant, request)).as("%s: %s", e.getKey(), request).isEqualTo(expected);
    }
  }

  private static void assertSameTable(TenantId tenant, TableRequest request) {
    Lookup<UsageTable> expected = sorted(MEMORY.readTable(tenant, request));
    for (Map.Entry<String, UsageStore> e : stores().entrySet()) {
      assertThat(sorted(e.getValue().readTable(tenant, request))).as("%s: %s", e.getKey(), request).isEqualTo(expected);
    }
  }

  /** Tables are unordered: compare them sorted by id. */
  private static Lookup<UsageTable> sorted(Lookup<UsageTable> table) {
    if (!(table instanceof Lookup.Found<UsageTable> found)) {
      return table;
    }
    List<IdentityUsage> rows = new ArrayList<>(found.value().rows());
    rows.sort(Comparator.comparing(IdentityUsage::id));
    return Lookup.found(UsageTable.of(rows));
  }

  private static List<String> randomIds(Random random, int n) {
    Set<String> ids = new LinkedHashSet<>();
    while (ids.size() < n) {
      StringBuilder id = new StringBuilder();
      for (int i = 1 + random.nextInt(4); i > 0; i--) {
        id.append(ID_PARTS[random.nextInt(ID_PARTS.length)]);
      }
      ids.add(id.toString());
    }
    return new ArrayList<>(ids);
  }

  private static ChangeSet randomChanges(Random random, List<String> ids, boolean first) {
    ChangeSet.Builder b = ChangeSet.builder(ZoneOffset.UTC);
    if (first) {
      b.potentialRole("r-empty", "no members").potentialRole("r1", "one").source("s3", "never used");
    }
    for (String id : ids) {
      if (random.nextInt(first ? 10 : 4) < 7) {          // most declared first, some re-declared later
        b.identity(id, pick(random, NAMES), pick(random, EMAILS));
      }
      for (String role : List.of("r1", "r2", "r3")) {
        if (random.nextInt(3) == 0) {
          b.membership(role, id);
        }
      }
      for (int u = random.nextInt(6); u > 0; u--) {
        String source = random.nextBoolean() ? "s1" : "s2";
        LocalDate day = AS_OF.minusDays(random.nextInt(130) - 3); // a few after asOf, many outside
        if (random.nextBoolean()) {
          b.usage(id, source, day);
        } else {
          // 23:30 UTC: the next day in Kiritimati (the JVM's zone here): must count on the UTC day
          b.usage(id, source, Instant.parse(day + "T23:30:00Z"));
        }
      }
    }
    return b.build();
  }

  private static List<Sorter> randomSorters(Random random) {
    List<SortField> fields = new ArrayList<>(Arrays.asList(SortField.values()));
    Collections.shuffle(fields, random);
    List<Sorter> sorters = new ArrayList<>();
    for (SortField f : fields.subList(0, random.nextInt(fields.size() + 1))) {
      sorters.add(new Sorter(f, random.nextBoolean()));
    }
    return sorters;
  }

  private static String pick(Random random, String[] values) {
    return values[random.nextInt(values.length)];
  }
}
