package dev.roleusage.query;

import java.util.Objects;

/**
 * One item of {@code sorters}: a field and a direction. A missing value sorts last whatever the
 * direction (CONTRACT §3).
 */
public record Sorter(SortField field, boolean descending) {
  public Sorter {
    Objects.requireNonNull(field, "field");
  }

  public static Sorter ascending(SortField field) {
    return new Sorter(field, false);
  }

  public static Sorter descending(SortField field) {
    return new Sorter(field, true);
  }

  /** The wire form: {@code displayName} or {@code -usageCount}. */
  @Override
  public String toString() {
    return (descending ? "-" : "") + field.wireName();
  }
}
