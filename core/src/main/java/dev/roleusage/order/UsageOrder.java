package dev.roleusage.order;

import dev.roleusage.query.IdentityUsage;
import dev.roleusage.query.Sorter;
import java.util.Comparator;
import java.util.List;

/**
 * The one order of CONTRACT §3, for any row representation: each sorter in turn (a missing value
 * last in both directions), then {@code id} ascending by code point. Every order is total, so
 * paging through it returns each row exactly once.
 *
 * <p>Stores that keep rows in their own form describe it with {@link SortKeys} and get the same
 * order; SQL stores reproduce it with {@link TextOrder#sortKey(String)}.
 */
public final class UsageOrder {
  private UsageOrder() {}

  /** What the order needs to know of a row. Folded forms let a store compute {@code toLowerCase} once. */
  public interface SortKeys<T> {
    String id(T row);

    /** The display name, or null when missing. */
    String displayName(T row);

    /** {@link TextOrder#fold} of the display name, or null when missing. */
    String foldedDisplayName(T row);

    String email(T row);

    String foldedEmail(T row);

    int usageCount(T row);
  }

  private static final SortKeys<IdentityUsage> ROW_KEYS = new SortKeys<>() {
    @Override public String id(IdentityUsage r) { return r.id(); }
    @Override public String displayName(IdentityUsage r) { return r.displayName(); }
    @Override public String foldedDisplayName(IdentityUsage r) { return r.displayName() == null ? null : TextOrder.fold(r.displayName()); }
    @Override public String email(IdentityUsage r) { return r.email(); }
    @Override public String foldedEmail(IdentityUsage r) { return r.email() == null ? null : TextOrder.fold(r.email()); }
    @Override public int usageCount(IdentityUsage r) { return r.usageCount(); }
  };

  /** The order of {@code sorters} over answer rows (folds text on every comparison: fine for small lists). */
  public static Comparator<IdentityUsage> comparator(List<Sorter> sorters) {
    return comparator(sorters, ROW_KEYS);
  }

  /** The order of {@code sorters} over rows described by {@code keys}. */
  public static <T> Comparator<T> comparator(List<Sorter> sorters, SortKeys<T> keys) {
    Comparator<T> order = null;
    for (Sorter s : sorters) {
      Comparator<T> next = field(s, keys);
      order = order == null ? next : order.thenComparing(next);
    }
    Comparator<T> byId = (a, b) -> TextOrder.compareCodePoints(keys.id(a), keys.id(b));
    return order == null ? byId : order.thenComparing(byId);
  }

  private static <T> Comparator<T> field(Sorter s, SortKeys<T> keys) {
    int sign = s.descending() ? -1 : 1;
    switch (s.field()) {
      case USAGE_COUNT:
        return (a, b) -> sign * Integer.compare(keys.usageCount(a), keys.usageCount(b));
      case DISPLAY_NAME:
        return (a, b) -> compareMissingLast(keys.foldedDisplayName(a), keys.displayName(a),
            keys.foldedDisplayName(b), keys.displayName(b), sign);
      case EMAIL:
        return (a, b) -> compareMissingLast(keys.foldedEmail(a), keys.email(a),
            keys.foldedEmail(b), keys.email(b), sign);
      default:
        throw new AssertionError(s.field());
    }
  }

  private static int compareMissingLast(String foldedA, String a, String foldedB, String b, int sign) {
    if (a == null) {
      return b == null ? 0 : 1;
    }
    if (b == null) {
      return -1;
    }
    return sign * TextOrder.compare(foldedA, a, foldedB, b);
  }
}
