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
  /** Per member, {@code TextOrder.prefixKey(folded, 0)} and {@code (folded, 4)}; 0 when missing. */
  private final long[] prefixes;
  private final long[] prefixes2;
  /** For introselect only: keys and member indexes, permuted together. */
  private long[] keys;
  private long[] keys2;
  private int[] at;

  private TextPageSelection(Member[] members, long[] prefixes, long[] prefixes2, boolean email, boolean descending) {
    this.members = members;
    this.prefixes = prefixes;
    this.prefixes2 = prefixes2;
    this.email = email;
    this.descending = descending;
  }

  /** Member {@code i}'s first key in the requested direction, a missing value last. */
  private long key(int i) {
    long p = prefixes[i];
    // ~p reverses the unsigned order of present keys and never reaches MISSING (p > 0).
    return p == 0 ? MISSING : descending ? ~p : p;
  }

  private long key2(int i) {
    return prefixes[i] == 0 ? MISSING : descending ? ~prefixes2[i] : prefixes2[i];
  }

  /** Up to this many rows from either end, one pass with a bounded heap beats partitioning. */
  static final int TOP_K_REACH = 8_192;

  /**
   * Member indexes at sorted positions {@code [offset, end)}, in order; {@code 0 ≤ offset < end ≤ n}.
   * Pages near either end: one pass keeping the best {@code end} (or the last {@code n − offset})
   * in a heap, reading the keys in place. Elsewhere: introselect on copies of the keys.
   */
  static int[] page(Member[] members, long[] prefixes, long[] prefixes2, boolean email, boolean descending,
      int offset, int end) {
    int n = members.length;
    TextPageSelection s = new TextPageSelection(members, prefixes, prefixes2, email, descending);
    if (end <= TOP_K_REACH) {
      return Arrays.copyOfRange(s.top(end, 1), offset, end);
    }
    if (n - offset <= TOP_K_REACH) {
      // The last n − offset members, greatest first: position p is at index n − 1 − p.
      int[] last = s.top(n - offset, -1);
      int[] out = new int[end - offset];
      for (int p = offset; p < end; p++) {
        out[p - offset] = last[n - 1 - p];
      }
      return out;
    }
    return s.select(offset, end);
  }

  /** The first {@code k} members in the order times {@code sign} (−1: the last k, greatest first). */
  private int[] top(int k, int sign) {
    int n = members.length;
    // A heap whose root is the worst of the best k seen so far.
    int[] heap = new int[k];
    int size = 0;
    for (int i = 0; i < n; i++) {
      if (size < k) {
        heap[size] = i;
        siftUp(heap, size++, sign);
      } else if (sign * compareMembers(i, heap[0]) < 0) {
        heap[0] = i;
        siftDown(heap, size, sign);
      }
    }
    Integer[] best = new Integer[size];
    for (int j = 0; j < size; j++) {
      best[j] = heap[j];
    }
    Arrays.sort(best, (x, y) -> sign * compareMembers(x, y));
    int[] out = new int[size];
    for (int j = 0; j < size; j++) {
      out[j] = best[j];
    }
    return out;
  }

  private void siftUp(int[] heap, int j, int sign) {
    while (j > 0) {
      int parent = (j - 1) >>> 1;
      if (sign * compareMembers(heap[j], heap[parent]) <= 0) {
        return;
      }
      int t = heap[j];
      heap[j] = heap[parent];
      heap[parent] = t;
      j = parent;
    }
  }

  private void siftDown(int[] heap, int size, int sign) {
    int j = 0;
    while (true) {
      int child = 2 * j + 1;
      if (child >= size) {
        return;
      }
      if (child + 1 < size && sign * compareMembers(heap[child + 1], heap[child]) > 0) {
        child++;
      }
      if (sign * compareMembers(heap[child], heap[j]) <= 0) {
        return;
      }
      int t = heap[j];
      heap[j] = heap[child];
      heap[child] = t;
      j = child;
    }
  }

  private int compareMembers(int i, int j) {
    return compare(key(i), key2(i), i, key(j), key2(j), j);
  }

  /** Member indexes at sorted positions {@code [offset, end)}, in order; {@code 0 ≤ offset < end ≤ n}. */
  private int[] select(int offset, int end) {
    int n = members.length;
    keys = new long[n];
    keys2 = new long[n];
    at = new int[n];
    for (int i = 0; i < n; i++) {
      keys[i] = key(i);
      keys2[i] = key2(i);
      at[i] = i;
    }
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
    Arrays.sort(members, this::compareMembers);
    for (int i = lo; i <= hi; i++) {
      at[i] = members[i - lo];
      keys[i] = key(at[i]);
      keys2[i] = key2(at[i]);
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
