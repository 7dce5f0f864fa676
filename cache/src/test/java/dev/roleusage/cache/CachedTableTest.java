package dev.roleusage.cache;

import static org.assertj.core.api.Assertions.assertThat;

import dev.roleusage.query.IdentityUsage;
import dev.roleusage.query.SortField;
import dev.roleusage.query.Sorter;
import dev.roleusage.query.UsagePage;
import dev.roleusage.spi.UsageTable;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/** When a table keeps a sorted copy, and that the copy serves the same pages as selection. */
class CachedTableTest {
  /** Rows id-000 … id-(n-1) with usage counts (n - i) % 91 and names that reverse the id order. */
  private static CachedTable table(int n) {
    List<IdentityUsage> rows = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      rows.add(new IdentityUsage(String.format("id-%03d", i), String.format("Name %03d", n - i), null, (n - i) % 91));
    }
    return new CachedTable(UsageTable.of(rows));
  }

  @Test
  void aLargeTableIsSortedTheSecondTimeAnOrderIsAskedFor() {
    CachedTable table = table(300);
    List<Sorter> byName = List.of(Sorter.ascending(SortField.DISPLAY_NAME));

    UsagePage selected = table.page(byName, 10, 3, true);
    assertThat(table.sortedOrders()).isZero();
    UsagePage sliced = table.page(byName, 10, 3, true);
    assertThat(table.sortedOrders()).isEqualTo(1);

    // Names "Name 300" (id-000) down to "Name 001" (id-299): ascending name is descending id.
    List<String> expectedIds = List.of("id-289", "id-288", "id-287");
    assertThat(selected.rows()).extracting(IdentityUsage::id).isEqualTo(expectedIds);
    assertThat(sliced).isEqualTo(selected);
    assertThat(sliced.total()).isEqualTo(OptionalLong.of(300));
  }

  @Test
  void aSmallTableIsSortedAtOnce() {
    CachedTable table = table(CachedTable.SORT_AT_ONCE_ROWS);
    table.page(List.of(), 0, 5, false);
    assertThat(table.sortedOrders()).isEqualTo(1);
  }

  @Test
  void atMostEightOrdersAreKeptAndTheRestAreStillAnsweredBySelection() {
    CachedTable table = table(300);
    List<List<Sorter>> orders = new ArrayList<>();
    for (SortField first : SortField.values()) {
      for (SortField second : SortField.values()) {
        if (first != second) {
          orders.add(List.of(Sorter.descending(first), Sorter.ascending(second)));
        }
      }
    }
    orders.add(List.of(Sorter.descending(SortField.USAGE_COUNT)));
    orders.add(List.of(Sorter.ascending(SortField.USAGE_COUNT)));
    orders.add(List.of());
    assertThat(orders).hasSize(9);
    List<UsagePage> firstPass = new ArrayList<>();
    for (List<Sorter> order : orders) {
      firstPass.add(table.page(order, 250, 30, false));
    }
    for (int i = 0; i < orders.size(); i++) {
      assertThat(table.page(orders.get(i), 250, 30, false)).isEqualTo(firstPass.get(i));
    }
    assertThat(table.sortedOrders()).isEqualTo(CachedTable.MAX_SORTED_ORDERS);
    // The ninth order (no sorters: id ascending) was served by selection: ids 250..279.
    assertThat(table.page(List.of(), 250, 30, false).rows().get(0).id()).isEqualTo("id-250");
    assertThat(table.page(List.of(), 250, 30, false).rows()).hasSize(30);
    assertThat(table.page(List.of(), 290, 30, false).rows()).hasSize(10);
  }
}
