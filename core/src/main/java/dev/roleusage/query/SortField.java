package dev.roleusage.query;

import java.util.Optional;

/** The fields a page can be sorted by (CONTRACT §1), with their exact wire spelling. */
public enum SortField {
  DISPLAY_NAME("displayName"),
  EMAIL("email"),
  USAGE_COUNT("usageCount");

  private final String wireName;

  SortField(String wireName) {
    this.wireName = wireName;
  }

  /** The name as written in {@code sorters}, e.g. {@code displayName}. */
  public String wireName() {
    return wireName;
  }

  /** The field spelled exactly {@code name} (case-sensitive), if any. */
  public static Optional<SortField> fromWireName(String name) {
    for (SortField f : values()) {
      if (f.wireName.equals(name)) {
        return Optional.of(f);
      }
    }
    return Optional.empty();
  }
}
