package dev.roleusage.order;

import com.google.common.collect.Ordering;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Picks the rows at sorted positions {@code [offset, offset + limit)} of an unsorted list without
 * sorting the whole list: O(n + k log k) for a page of k rows instead of O(n log n).
 *
 * <ul>
 *   <li>Shallow pages (the first rows): Guava's bounded top-k selection, one pass, O(k) memory.
 *   <li>Pages near the end: the same from the other end, with the order reversed.
 *   <li>Anywhere else: quickselect (introselect) around {@code offset} and {@code offset + limit},
 *       then a sort of the page only.
 * </ul>
 *
 * <p>The comparator must be a total order (every {@link UsageOrder} is).
 */
public final class PageSelection {
  /** Up to this many rows from either end, top-k selection beats copying and partitioning. */
  static final int TOP_K_REACH = 8_192;

  private PageSelection() {}

  /** The page {@code [offset, offset + limit)} of {@code rows} in {@code order}; empty past the end. */
  public static <T> List<T> select(List<T> rows, Comparator<? super T> order, int offset, int limit) {
    int n = rows.size();
    if (limit <= 0 || offset >= n) {
      return List.of();
    }
    int end = (int) Math.min(n, (long) offset + limit);
    Ordering<T> ordering = Ordering.from((Comparator<T>) order::compare);
    if (end <= TOP_K_REACH) {
      List<T> least = ordering.leastOf(rows, end);
      return List.copyOf(least.subList(offset, end));
    }
    if (n - offset <= TOP_K_REACH) {
      // The last (n - offset) rows, largest first; the page is a reversed slice of them.
      List<T> greatest = ordering.greatestOf(rows, n - offset);
      List<T> page = greatest.subList(n - end, n - offset);
      @SuppressWarnings("unchecked")
      T[] out = (T[]) page.toArray();
      reverse(out);
      return List.of(out);
    }
    @SuppressWarnings("unchecked")
    T[] a = (T[]) rows.toArray();
    select(a, 0, n - 1, offset, order);
    select(a, offset, n - 1, end - 1, order);
    Arrays.sort(a, offset, end, order);
    return List.of(Arrays.copyOfRange(a, offset, end));
  }

  private static <T> void reverse(T[] a) {
    for (int i = 0, j = a.length - 1; i < j; i++, j--) {
      T t = a[i];
      a[i] = a[j];
      a[j] = t;
    }
  }

  /**
   * Rearranges {@code a[lo..hi]} so that {@code a[k]} holds the element that belongs there in
   * sorted order, smaller ones before it and larger after. Randomised pivots; falls back to a
   * sort of the range if partitioning degenerates, so the worst case stays O(n log n).
   */
  static <T> void select(T[] a, int lo, int hi, int k, Comparator<? super T> order) {
    int budget = 2 * (32 - Integer.numberOfLeadingZeros(hi - lo + 1)) + 8;
    while (hi > lo) {
      if (budget-- == 0 || hi - lo < 16) {
        Arrays.sort(a, lo, hi + 1, order);
        return;
      }
      int p = lo + ThreadLocalRandom.current().nextInt(hi - lo + 1);
      T pivot = a[p];
      // Three-way partition: [lo, lt) < pivot, [lt, gt] == pivot, (gt, hi] > pivot.
      int lt = lo;
      int gt = hi;
      int i = lo;
      while (i <= gt) {
        int c = order.compare(a[i], pivot);
        if (c < 0) {
          swap(a, lt++, i++);
        } else if (c > 0) {
          swap(a, i, gt--);
        } else {
          i++;
        }
      }
      if (k < lt) {
        hi = lt - 1;
      } else if (k > gt) {
        lo = gt + 1;
      } else {
        return;
      }
    }
  }

  private static <T> void swap(T[] a, int i, int j) {
    T t = a[i];
    a[i] = a[j];
    a[j] = t;
  }
}
