package dev.roleusage.storage.memory;

import dev.roleusage.order.PageSelection;
import dev.roleusage.order.TextOrder;
import dev.roleusage.order.UsageOrder;
import dev.roleusage.query.IdentityUsage;
import dev.roleusage.query.SortField;
import dev.roleusage.query.Sorter;
import dev.roleusage.query.UsageWindow;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * A role's members resolved against one source in one snapshot, laid out so that a read is one
 * sequential pass: members in id order, and all their days of the source in one array
 * ({@code days[start[i] .. start[i+1])} are member {@code i}'s, sorted). Built once per snapshot
 * and (role, source) by {@link Snapshot}; immutable.
 *
 * <p>Why: looking every member up by id on every read (two hash lookups, a random memory access
 * each) cost far more than counting and selecting together.
 */
final class ResolvedRole {
  private final Member[] members;
  private final int[] start;
  private final int[] days;
  /** Name keys of units 0..3 and 4..7, then e-mail keys: {@link #prefixes(boolean, int)}. */
  private final AtomicReferenceArray<long[]> prefixes = new AtomicReferenceArray<>(4);

  private ResolvedRole(Member[] members, int[] start, int[] days) {
    this.members = members;
    this.start = start;
    this.days = days;
  }

  /** {@code ids} (sorted by code point, distinct) with their records and days of one source. */
  static ResolvedRole of(String[] ids, Map<String, Member> identities, Map<String, int[]> daysById) {
    Member[] members = new Member[ids.length];
    int[][] each = new int[ids.length][];
    int[] start = new int[ids.length + 1];
    for (int i = 0; i < ids.length; i++) {
      Member m = identities.get(ids[i]);
      members[i] = m != null ? m : Member.bare(ids[i]);
      each[i] = daysById.get(ids[i]);
      start[i + 1] = start[i] + (each[i] == null ? 0 : each[i].length);
    }
    int[] days = new int[start[ids.length]];
    for (int i = 0; i < ids.length; i++) {
      if (each[i] != null) {
        System.arraycopy(each[i], 0, days, start[i], each[i].length);
      }
    }
    return new ResolvedRole(members, start, days);
  }

  int size() {
    return members.length;
  }

  /** Each member's number of days in {@code [first, last]}, in member (id) order. */
  int[] counts(int first, int last) {
    int[] counts = new int[members.length];
    for (int i = 0; i < counts.length; i++) {
      counts[i] = count(i, first, last);
    }
    return counts;
  }

  /** Every member with its count, in id order. */
  List<IdentityUsage> table(UsageWindow window) {
    int[] counts = counts(window.firstEpochDay(), window.lastEpochDay());
    List<IdentityUsage> out = new ArrayList<>(counts.length);
    for (int i = 0; i < counts.length; i++) {
      out.add(row(i, counts[i]));
    }
    return out;
  }

  /**
   * The rows at positions {@code [offset, offset + limit)} in the order of {@code sorters} then
   * id (CONTRACT §3). Members are already in id order, so no sorter means a slice, and a lone
   * usage-count sorter is a counting sort over 0..90 that keeps id order within each count: one
   * pass, no comparisons. A lone text sorter selects on primitive prefix keys
   * ({@link TextPageSelection}) and counts only the page. Lists of several sorters select rows
   * with {@link PageSelection}.
   */
  List<IdentityUsage> page(List<Sorter> sorters, UsageWindow window, int offset, int limit) {
    int n = members.length;
    if (limit <= 0 || offset >= n) {
      return List.of();
    }
    int end = (int) Math.min(n, (long) offset + limit);
    int first = window.firstEpochDay();
    int last = window.lastEpochDay();
    if (sorters.isEmpty()) {
      List<IdentityUsage> out = new ArrayList<>(end - offset);
      for (int i = offset; i < end; i++) {
        out.add(row(i, count(i, first, last)));
      }
      return out;
    }
    if (sorters.size() == 1 && sorters.get(0).field() != SortField.USAGE_COUNT) {
      // One text field: the order does not depend on the counts, so only the page is counted.
      Sorter s = sorters.get(0);
      boolean email = s.field() == SortField.EMAIL;
      int[] page = TextPageSelection.page(members, prefixes(email, 0), prefixes(email, 4), email,
          s.descending(), offset, end);
      List<IdentityUsage> out = new ArrayList<>(page.length);
      for (int i : page) {
        out.add(row(i, count(i, first, last)));
      }
      return out;
    }
    int[] counts = counts(first, last);
    if (sorters.size() == 1 && sorters.get(0).field() == SortField.USAGE_COUNT) {
      return byCount(counts, sorters.get(0).descending(), offset, end);
    }
    Row[] rows = new Row[n];
    for (int i = 0; i < n; i++) {
      rows[i] = new Row(members[i], counts[i]);
    }
    Comparator<Row> order = UsageOrder.comparator(sorters, Row.KEYS);
    List<Row> page = PageSelection.select(Arrays.asList(rows), order, offset, limit);
    List<IdentityUsage> out = new ArrayList<>(page.size());
    for (Row r : page) {
      out.add(r.toIdentityUsage());
    }
    return out;
  }

  /**
   * Each member's {@code TextOrder.prefixKey(folded, from)} of the display name or e-mail (0:
   * missing), computed on first use and kept: the order of a snapshot's names never changes.
   */
  private long[] prefixes(boolean email, int from) {
    int slot = (email ? 2 : 0) + (from == 0 ? 0 : 1);
    long[] done = prefixes.get(slot);
    if (done != null) {
      return done;
    }
    long[] keys = new long[members.length];
    for (int i = 0; i < keys.length; i++) {
      String folded = email ? members[i].foldedEmail : members[i].foldedDisplayName;
      keys[i] = folded == null ? 0 : TextOrder.prefixKey(folded, from);
    }
    // Racing readers may both compute (equal arrays); set() publishes the filled array safely.
    prefixes.set(slot, keys);
    return keys;
  }

  /** Positions {@code [offset, end)} of the order by count (then id), by counting sort. */
  private List<IdentityUsage> byCount(int[] counts, boolean descending, int offset, int end) {
    int buckets = UsageWindow.DAYS + 1;
    int[] position = new int[buckets];
    for (int c : counts) {
      position[c]++;
    }
    // position[c] := where the first member with count c goes in the requested order.
    int at = 0;
    for (int k = 0; k < buckets; k++) {
      int c = descending ? buckets - 1 - k : k;
      int size = position[c];
      position[c] = at;
      at += size;
    }
    IdentityUsage[] out = new IdentityUsage[end - offset];
    for (int i = 0; i < counts.length; i++) {
      int p = position[counts[i]]++;
      if (p >= offset && p < end) {
        out[p - offset] = row(i, counts[i]);
      }
    }
    return Arrays.asList(out);
  }

  /** Member {@code i}'s number of days in {@code [first, last]}: two binary searches in its run. */
  private int count(int i, int first, int last) {
    int from = start[i];
    int to = start[i + 1];
    return from == to ? 0 : lowerBound(days, from, to, last + 1) - lowerBound(days, from, to, first);
  }

  private IdentityUsage row(int i, int count) {
    Member m = members[i];
    return new IdentityUsage(m.id, m.displayName, m.email, count);
  }

  /** Index of the first element ≥ {@code key} in {@code a[from, to)}. */
  private static int lowerBound(int[] a, int from, int to, int key) {
    int lo = from;
    int hi = to;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (a[mid] < key) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }
}
