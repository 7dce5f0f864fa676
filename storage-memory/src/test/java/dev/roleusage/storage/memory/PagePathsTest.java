package dev.roleusage.storage.memory;

import static org.assertj.core.api.Assertions.assertThat;

import dev.roleusage.model.ChangeSet;
import dev.roleusage.model.TenantId;
import dev.roleusage.order.UsageOrder;
import dev.roleusage.query.IdentityUsage;
import dev.roleusage.query.SortField;
import dev.roleusage.query.Sorter;
import dev.roleusage.query.UsageWindow;
import dev.roleusage.spi.PageRequest;
import dev.roleusage.spi.TableRequest;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Every page path of the store (slice in id order, counting sort by usage count, selection for
 * the rest) against a reference worked out without the store: counts from the generated days,
 * order by a full sort with the public row comparator of CONTRACT §3.
 */
class PagePathsTest {
  private static final TenantId TENANT = TenantId.of("t");
  private static final LocalDate TODAY = LocalDate.of(2026, 6, 30);
  private static final UsageWindow WINDOW = UsageWindow.endingOn(TODAY);
  /** Short names, names sharing their first four units, U+E000..U+FFFF and surrogate pairs. */
  private static final String[] NAMES = {"ada", "Ada", "ADA", "Zoë", "zoe", "Émile", "emile", "Bob", "bob b",
      "Ada Lovelace", "ada lovelace", "Ada King", "\uD83D\uDE00 smile", "\uFFFD x", "\uE000 y", "Ärger", "ärger"};

  private static final List<List<Sorter>> ORDERS = List.of(
      List.of(),
      List.of(Sorter.descending(SortField.USAGE_COUNT)),
      List.of(Sorter.ascending(SortField.USAGE_COUNT)),
      List.of(Sorter.ascending(SortField.DISPLAY_NAME)),
      List.of(Sorter.descending(SortField.EMAIL)),
      List.of(Sorter.descending(SortField.DISPLAY_NAME)),
      List.of(Sorter.ascending(SortField.EMAIL)),
      List.of(Sorter.descending(SortField.USAGE_COUNT), Sorter.ascending(SortField.DISPLAY_NAME)),
      List.of(Sorter.ascending(SortField.DISPLAY_NAME), Sorter.descending(SortField.USAGE_COUNT)));

  @Test
  void everyPathMatchesAFullSortOfTheReferenceRows() {
    Random random = new Random(7);
    for (int round = 0; round < 31; round++) {
      // Small roles, then roles past the selections' top-k reach (8,192 rows from either end),
      // so that middle offsets take the partitioning paths.
      int n = round < 30 ? 1 + random.nextInt(round < 20 ? 40 : 600) : 20_000 + random.nextInt(2_000);
      InMemoryUsageStore store = new InMemoryUsageStore();
      ChangeSet.Builder b = ChangeSet.builder(ZoneOffset.UTC).source("s", null).potentialRole("r", null);
      List<IdentityUsage> expected = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        String id = "id" + random.nextInt(1_000_000) + "-" + i;
        String name = random.nextInt(6) == 0 ? null : NAMES[random.nextInt(NAMES.length)];
        String email = random.nextInt(4) == 0 ? null : NAMES[random.nextInt(NAMES.length)].replace(' ', '.') + "@x.test";
        boolean record = random.nextInt(10) != 0;
        if (record) {
          b.identity(id, name, email);
        }
        b.membership("r", id);
        // Distinct days of source s inside the window, counted here as they are written.
        Set<LocalDate> counted = new HashSet<>();
        int days = random.nextInt(4) == 0 ? 0 : random.nextInt(12);
        for (int d = 0; d < days; d++) {
          LocalDate day = TODAY.minusDays(random.nextInt(120) - 5); // a few after today never count
          b.usage(id, "s", day);
          b.usage(id, "other", TODAY.minusDays(random.nextInt(90)));
          if (WINDOW.contains(day)) {
            counted.add(day);
          }
        }
        expected.add(new IdentityUsage(id, record ? name : null, record ? email : null, counted.size()));
      }
      store.apply(TENANT, b.build());
      List<IdentityUsage> withCounts = expected;
      assertThat(store.readTable(TENANT, new TableRequest("r", "s", WINDOW)).valueOrNull().rows())
          .containsExactlyInAnyOrderElementsOf(withCounts);
      for (List<Sorter> order : ORDERS) {
        List<IdentityUsage> sorted = new ArrayList<>(withCounts);
        sorted.sort(UsageOrder.comparator(order));
        for (int k = 0; k < 6; k++) {
          int offset = k == 0 ? 0 : random.nextInt(n + 3);
          int limit = k == 1 ? 250 : random.nextInt(30);
          List<IdentityUsage> want = sorted.subList(Math.min(n, offset), Math.min(n, offset + limit));
          assertThat(store.readPage(TENANT, new PageRequest("r", "s", WINDOW, order, offset, limit, false))
              .valueOrNull().rows()).as("n=%d order=%s offset=%d limit=%d", n, order, offset, limit)
              .containsExactlyElementsOf(want);
        }
      }
    }
  }
}
