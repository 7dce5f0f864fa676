package dev.roleusage.storage.memory;

import java.util.Arrays;

/** Distinct usage days as a sorted {@code int[]} of epoch days: 4 bytes a day (counted by {@link ResolvedRole}). */
final class UsageDays {
  private UsageDays() {}

  /** The sorted union of {@code days} (sorted, distinct, may be null) and {@code added} (any order). */
  static int[] union(int[] days, int[] added, int addedCount) {
    int[] add = Arrays.copyOf(added, addedCount);
    Arrays.sort(add);
    int[] base = days == null ? new int[0] : days;
    int[] out = new int[base.length + add.length];
    int i = 0;
    int j = 0;
    int n = 0;
    while (i < base.length || j < add.length) {
      int next;
      if (j >= add.length || (i < base.length && base[i] <= add[j])) {
        next = base[i++];
      } else {
        next = add[j++];
      }
      if (n == 0 || out[n - 1] != next) {
        out[n++] = next;
      }
    }
    return n == out.length ? out : Arrays.copyOf(out, n);
  }
}
