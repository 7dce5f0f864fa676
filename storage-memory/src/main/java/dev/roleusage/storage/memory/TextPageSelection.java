package dev.roleusage.storage.memory;

import dev.roleusage.order.TextOrder;
import java.util.Arrays;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Selects the page of a role ordered by one text field (then id) on primitive arrays: each
 * member's first eight units as two {@link TextOrder#prefixKey prefix keys} (made
 * direction-aware, a missing value last) move with its member index through an introselect, so
 * partitioning scans flat arrays instead of following references to row objects and strings.
 * Members are compared in full only when both keys tie (four units alone are mostly the first
 * name: thousands of ties). The order is exactly {@code UsageOrder.comparator(List.of(sorter))}'s.
 */
final class TextPageSelection {
  /** The key of a missing value: above every present key (no real prefix key is all ones). */
  private static final long MISSING = -1L;

  private final Member[] members;
  private final boolean email;
  private final boolean descending;
  /** Keys of each member (units 0..3 and 4..7), by member index (unchanged). */
  private final long[] keyOf;
  private final long[] key2Of;
  /** Keys and member indexes, permuted together by the selection. */
  private final long[] keys;
  private final long[] keys2;
  private final int[] at;

  /**
   * @param prefixes per member, {@code TextOrder.prefixKey(folded, 0)}, 0 when missing
   * @param prefixes2 per member, {@code TextOrder.prefixKey(folded, 4)}
   */
  TextPageSelection(Member[] members, long[] prefixes, long[] prefixes2, boolean email, boolean descending) {
    this.members = members;
    this.email = email;
    this.descending = descending;
    int n = members.length;
    keyOf = new long[n];
    key2Of = new long[n];
    at = new int[n];
    for (int i = 0; i < n; i++) {
      long p = prefixes[i];
      // ~p reverses the unsigned order of present keys and never reaches MISSING (p > 0).
      keyOf[i] = p == 0 ? MISSING : descending ? ~p : p;
      key2Of[i] = p == 0 ? MISSING : descending ? ~prefixes2[i] : prefixes2[i];
      at[i] = i;
    }
    keys = keyOf.clone();
    keys2 = key2Of.clone();
  }

  /** Member indexes at sorted positions {@code [offset, end)}, in order; {@code 0 ≤ offset < end ≤ n}. */
  int[] select(int offset, int end) {
    int n = at.length;
    select(0, n - 1, offset);
    select(offset, n - 1, end - 1);
    sort(offset, end - 1);
    return Arrays.copyOfRange(at, offset, end);
  }

  /** Compares members {@code i} and {@code j} given their keys. */
  private int compare(long ki, long k2i, int i, long kj, long k2j, int j) {
    if (ki != kj) {
      return Long.compareUnsigned(ki, kj);
    }
    if (k2i != k2j) {
      return Long.compareUnsigned(k2i, k2j);
    }
    Member a = members[i];
    Member b = members[j];
    if (ki != MISSING) {
      int c = email
          ? TextOrder.compare(a.foldedEmail, a.email, b.foldedEmail, b.email)
          : TextOrder.compare(a.foldedDisplayName, a.displayName, b.foldedDisplayName, b.displayName);
      if (c != 0) {
        return descending ? -c : c;
      }
    }
    return TextOrder.compareCodePoints(a.id, b.id);
  }

  /** Introselect: afterwards position {@code k} of {@code [lo, hi]} holds its sorted element. */
  private void select(int lo, int hi, int k) {
    int budget = 2 * (32 - Integer.numberOfLeadingZeros(hi - lo + 1)) + 8;
    while (hi > lo) {
      if (budget-- == 0 || hi - lo < 16) {
        sort(lo, hi);
        return;
      }
      int p = lo + ThreadLocalRandom.current().nextInt(hi - lo + 1);
      long pivotKey = keys[p];
      long pivotKey2 = keys2[p];
      int pivot = at[p];
      // Three-way partition: [lo, lt) < pivot, [lt, gt] == pivot, (gt, hi] > pivot.
      int lt = lo;
      int gt = hi;
      int i = lo;
      while (i <= gt) {
        int c = compare(keys[i], keys2[i], at[i], pivotKey, pivotKey2, pivot);
        if (c < 0) {
          swap(lt++, i++);
        } else if (c > 0) {
          swap(i, gt--);
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

  /** Sorts positions {@code [lo, hi]} (a page, a small range, or a degenerate partition). */
  private void sort(int lo, int hi) {
    if (hi <= lo) {
      return;
    }
    Integer[] members = new Integer[hi - lo + 1];
    for (int i = lo; i <= hi; i++) {
      members[i - lo] = at[i];
    }
    Arrays.sort(members, (x, y) -> compare(keyOf[x], key2Of[x], x, keyOf[y], key2Of[y], y));
    for (int i = lo; i <= hi; i++) {
      at[i] = members[i - lo];
      keys[i] = keyOf[at[i]];
      keys2[i] = key2Of[at[i]];
    }
  }

  private void swap(int i, int j) {
    long k = keys[i];
    keys[i] = keys[j];
    keys[j] = k;
    long k2 = keys2[i];
    keys2[i] = keys2[j];
    keys2[j] = k2;
    int a = at[i];
    at[i] = at[j];
    at[j] = a;
  }
}
