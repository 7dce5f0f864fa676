package dev.roleusage.order;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** PageSelection against the obvious answer: sort everything, take the sub-list. */
class PageSelectionTest {
  /** A row with a coarse key (many ties) and a unique id: a total order like UsageOrder's. */
  record Row(int key, int id) {}

  private static final Comparator<Row> ORDER = Comparator.comparingInt(Row::key).reversed().thenComparingInt(Row::id);
  private static final int REACH = PageSelection.TOP_K_REACH;

  @Test
  void everyBranchEqualsFullSortThenSubList() {
    Random r = new Random(42);
    for (int n : new int[] {0, 1, 2, 17, REACH - 1, REACH, REACH + 1, 2 * REACH - 1, 2 * REACH, 2 * REACH + 1, 20_000}) {
      List<Row> rows = new ArrayList<>(n);
      for (int i = 0; i < n; i++) {
        rows.add(new Row(r.nextInt(50), i));
      }
      Collections.shuffle(rows, r);
      List<Row> input = List.copyOf(rows);
      List<Row> sorted = new ArrayList<>(rows);
      sorted.sort(ORDER);
      Set<Integer> offsets = new TreeSet<>(List.of(0, 1, n / 2, n - 1, n, n + 5, REACH - 250, REACH - 1, REACH,
          REACH + 1, n - REACH, n - REACH - 1, n - REACH + 1, n - 250, Integer.MAX_VALUE));
      for (int offset : offsets) {
        if (offset < 0) {
          continue;
        }
        for (int limit : new int[] {0, 1, 7, 250}) {
          List<Row> page = PageSelection.select(rows, ORDER, offset, limit);
          int from = (int) Math.min(offset, (long) n);
          int to = (int) Math.min((long) offset + limit, n);
          assertThat(page).as("n %d offset %d limit %d", n, offset, limit).containsExactlyElementsOf(sorted.subList(from, to));
        }
      }
      assertThat(rows).as("the input is left as it was").containsExactlyElementsOf(input);
    }
  }

  @Test
  void middlePagesOfALargeListEqualFullSort() {
    // n > 2 * REACH and offsets far from both ends: the quickselect branch, at many places.
    Random r = new Random(7);
    int n = 3 * REACH;
    List<Row> rows = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      rows.add(new Row(r.nextInt(3), i));   // very few distinct keys: many equal-key runs
    }
    List<Row> sorted = new ArrayList<>(rows);
    sorted.sort(ORDER);
    for (int i = 0; i < 40; i++) {
      int offset = REACH + 1 + r.nextInt(n - 2 * REACH - 300);
      int limit = 1 + r.nextInt(250);
      assertThat(PageSelection.select(rows, ORDER, offset, limit))
          .as("offset %d limit %d", offset, limit).containsExactlyElementsOf(sorted.subList(offset, offset + limit));
    }
  }

  @Test
  void quickselectPlacesTheKthElement() {
    Random r = new Random(3);
    Integer[] a = new Integer[1000];
    for (int i = 0; i < a.length; i++) {
      a[i] = i;
    }
    Collections.shuffle(java.util.Arrays.asList(a), r);
    for (int k : new int[] {0, 1, 499, 998, 999}) {
      Integer[] copy = a.clone();
      PageSelection.select(copy, 0, copy.length - 1, k, Comparator.<Integer>naturalOrder());
      assertThat(copy[k]).isEqualTo(k);
      for (int i = 0; i < k; i++) {
        assertThat(copy[i]).isLessThan(k);
      }
    }
  }
}
