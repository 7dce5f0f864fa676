package dev.roleusage.cache;

import dev.roleusage.order.PageSelection;
import dev.roleusage.order.UsageOrder;
import dev.roleusage.query.IdentityUsage;
import dev.roleusage.query.Sorter;
import dev.roleusage.query.UsagePage;
import dev.roleusage.spi.UsageTable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One role's usage table as the cache keeps it: the store's rows, their folded sort keys, and a
 * sorted copy for each order that has been paged through. Immutable except for the sorted copies,
 * which are added lazily and never change once published.
 *
 * <p>Orders: the first request in an order selects its page from the unsorted rows
 * ({@link PageSelection}: O(n + k log k)), because many orders are asked for once. The second
 * request in the same order (page 2, or the same page again) sorts the table once, O(n log n),
 * and keeps the sorted array; from then on every page in that order is an array slice, costing
 * O(page) whatever n is. Small tables are sorted at once. At most {@link #MAX_SORTED_ORDERS}
 * orders are kept per table, so the extra memory is bounded by that many references per row;
 * further orders are served by selection.
 */
final class CachedTable {
  /** Sorted copies kept per table (there are 79 possible sorter lists; hosts use a handful). */
  static final int MAX_SORTED_ORDERS = 8;
  /** Up to this many rows a table is sorted on the first request: as cheap as a selection. */
  static final int SORT_AT_ONCE_ROWS = 256;

  private final UsageTable table;
  private final KeyedRow[] rows;
  private final ConcurrentHashMap<List<Sorter>, KeyedRow[]> sorted = new ConcurrentHashMap<>();
  private final Set<List<Sorter>> asked = ConcurrentHashMap.newKeySet();

  CachedTable(UsageTable table) {
    this.table = table;
    List<IdentityUsage> source = table.rows();
    this.rows = new KeyedRow[source.size()];
    for (int i = 0; i < rows.length; i++) {
      rows[i] = new KeyedRow(source.get(i));
    }
  }

  /** The store's table, unchanged. */
  UsageTable table() {
    return table;
  }

  int size() {
    return rows.length;
  }

  /** The page {@code [offset, offset + limit)} in the order of {@code sorters}, then id. */
  UsagePage page(List<Sorter> sorters, int offset, int limit, boolean count) {
    int n = rows.length;
    OptionalLong total = count ? OptionalLong.of(n) : OptionalLong.empty();
    if (limit <= 0 || offset >= n) {
      return UsagePage.of(List.of(), total);
    }
    int end = (int) Math.min(n, (long) offset + limit);
    KeyedRow[] inOrder = sortedFor(sorters);
    List<IdentityUsage> out = new ArrayList<>(end - offset);
    if (inOrder != null) {
      for (int i = offset; i < end; i++) {
        out.add(inOrder[i].row);
      }
    } else {
      Comparator<KeyedRow> order = UsageOrder.comparator(sorters, KeyedRow.KEYS);
      for (KeyedRow r : PageSelection.select(Arrays.asList(rows), order, offset, limit)) {
        out.add(r.row);
      }
    }
    return UsagePage.of(out, total);
  }

  /** The rows sorted by {@code sorters}, or null when this request should select instead. */
  private KeyedRow[] sortedFor(List<Sorter> sorters) {
    KeyedRow[] done = sorted.get(sorters);
    if (done != null) {
      return done;
    }
    boolean askedBefore = !asked.add(sorters);
    if ((askedBefore || rows.length <= SORT_AT_ONCE_ROWS) && sorted.size() < MAX_SORTED_ORDERS) {
      // computeIfAbsent: concurrent requests for the same new order wait for one sort, not N.
      return sorted.computeIfAbsent(sorters, this::sort);
    }
    return null;
  }

  private KeyedRow[] sort(List<Sorter> sorters) {
    KeyedRow[] copy = rows.clone();
    Arrays.sort(copy, UsageOrder.comparator(sorters, KeyedRow.KEYS));
    return copy;
  }

  /** Number of orders currently kept sorted (for tests). */
  int sortedOrders() {
    return sorted.size();
  }
}
