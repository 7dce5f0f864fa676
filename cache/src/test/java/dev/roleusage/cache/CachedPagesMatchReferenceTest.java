package dev.roleusage.cache;

import static org.assertj.core.api.Assertions.assertThat;

import dev.roleusage.RoleUsage;
import dev.roleusage.model.ChangeSet;
import dev.roleusage.model.TenantId;
import dev.roleusage.query.IdentityUsage;
import dev.roleusage.query.IdentityUsageQuery;
import dev.roleusage.query.SortField;
import dev.roleusage.query.Sorter;
import dev.roleusage.query.UsagePage;
import dev.roleusage.storage.memory.InMemoryUsageStore;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Random pages, sorters, offsets and counts through the cache, each asked twice (first by
 * selection, then from the sorted copy) and in more orders than a table keeps sorted, against a
 * naive reference written here from CONTRACT §2–§3: sort everything, cut the page.
 */
class CachedPagesMatchReferenceTest {
  private static final TenantId TENANT = TenantId.of("acme");
  private static final LocalDate TODAY = LocalDate.parse("2025-06-30");
  /** Names chosen to exercise case folding, code point order and ties; null is "missing". */
  private static final String[] TEXTS = {
      "ada", "Ada", "ADA", "bob", "Bob", "émile", "Émile", "zoë", "\uD835\uDC9Clpha", "\uFFFDx", "İstanbul",
      "istanbul", "a", "B", null, null};

  @ParameterizedTest
  @ValueSource(longs = {1L, 2L, 3L})
  void everyPageEqualsTheNaiveReference(long seed) {
    Random random = new Random(seed);
    int n = 400 + random.nextInt(400);  // above the size that is sorted at once
    List<IdentityUsage> truth = new ArrayList<>();
    RoleUsage engine = RoleUsage.builder(CachedUsageStore.wrap(new InMemoryUsageStore()))
        .clock(Clock.fixed(Instant.parse("2025-06-30T12:00:00Z"), ZoneOffset.UTC))
        .usageZone(ZoneOffset.UTC).build();
    ChangeSet.Builder changes = engine.newChanges().source("src", "Source");
    for (int i = 0; i < n; i++) {
      String id = "id-" + Integer.toString(random.nextInt(1_000_000), 36) + "-" + i;
      String name = TEXTS[random.nextInt(TEXTS.length)];
      String email = TEXTS[random.nextInt(TEXTS.length)];
      Set<LocalDate> days = new HashSet<>();
      int uses = random.nextInt(4) == 0 ? 0 : random.nextInt(40);
      for (int u = 0; u < uses; u++) {
        days.add(TODAY.minusDays(random.nextInt(130) - 5));  // some after today, some before the window
      }
      int count = 0;
      for (LocalDate d : days) {
        changes.usage(id, "src", d);
        if (!d.isAfter(TODAY) && !d.isBefore(TODAY.minusDays(89))) {
          count++;
        }
      }
      changes.identity(id, name, email).membership("pr", id);
      truth.add(new IdentityUsage(id, name, email, count));
    }
    engine.apply(TENANT, changes.build());

    Map<List<Sorter>, List<IdentityUsage>> sortedBy = new HashMap<>();  // the reference's own memo
    for (int q = 0; q < 100; q++) {
      List<Sorter> sorters = randomSorters(random);
      int offset = randomOffset(random, n);
      int limit = random.nextInt(6) == 0 ? 0 : 1 + random.nextInt(250);
      boolean count = random.nextBoolean();
      IdentityUsageQuery query = IdentityUsageQuery.builder("pr", "src")
          .sorters(sorters).offset(offset).limit(limit).count(count).build();
      List<IdentityUsage> all = sortedBy.computeIfAbsent(sorters, s -> sortedCopy(truth, s));
      UsagePage expected = reference(all, offset, limit, count);
      for (int repeat = 0; repeat < 2; repeat++) {
        assertThat(engine.query(TENANT, query).valueOrNull())
            .as("seed %s, sorters %s, offset %s, limit %s, repeat %s", seed, sorters, offset, limit, repeat)
            .isEqualTo(expected);
      }
    }
  }

  private static List<Sorter> randomSorters(Random random) {
    List<SortField> fields = new ArrayList<>(List.of(SortField.values()));
    Collections.shuffle(fields, random);
    List<Sorter> sorters = new ArrayList<>();
    for (SortField f : fields.subList(0, random.nextInt(fields.size() + 1))) {
      sorters.add(new Sorter(f, random.nextBoolean()));
    }
    return sorters;
  }

  private static int randomOffset(Random random, int n) {
    switch (random.nextInt(6)) {
      case 0: return 0;
      case 1: return n - 1;
      case 2: return n;
      case 3: return Integer.MAX_VALUE;
      default: return random.nextInt(n);
    }
  }

  private static List<IdentityUsage> sortedCopy(List<IdentityUsage> truth, List<Sorter> sorters) {
    List<IdentityUsage> all = new ArrayList<>(truth);
    all.sort(naiveOrder(sorters));
    return all;
  }

  private static UsagePage reference(List<IdentityUsage> all, int offset, int limit, boolean count) {
    List<IdentityUsage> page = offset >= all.size()
        ? List.of() : all.subList(offset, (int) Math.min(all.size(), (long) offset + limit));
    return UsagePage.of(page, count ? OptionalLong.of(all.size()) : OptionalLong.empty());
  }

  private static Comparator<IdentityUsage> naiveOrder(List<Sorter> sorters) {
    return (a, b) -> {
      for (Sorter s : sorters) {
        int c;
        if (s.field() == SortField.USAGE_COUNT) {
          c = Integer.compare(a.usageCount(), b.usageCount());
          c = s.descending() ? -c : c;
        } else {
          String x = s.field() == SortField.DISPLAY_NAME ? a.displayName() : a.email();
          String y = s.field() == SortField.DISPLAY_NAME ? b.displayName() : b.email();
          if (x == null || y == null) {
            c = x == null ? (y == null ? 0 : 1) : -1;  // missing last, whatever the direction
          } else {
            c = codePoints(x.toLowerCase(Locale.ROOT), y.toLowerCase(Locale.ROOT));
            c = c != 0 ? c : codePoints(x, y);
            c = s.descending() ? -c : c;
          }
        }
        if (c != 0) {
          return c;
        }
      }
      return codePoints(a.id(), b.id());
    };
  }

  private static int codePoints(String x, String y) {
    return Arrays.compare(x.codePoints().toArray(), y.codePoints().toArray());
  }
}
