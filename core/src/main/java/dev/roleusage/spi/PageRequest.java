package dev.roleusage.spi;

import com.google.common.collect.ImmutableList;
import dev.roleusage.query.IdentityUsageQuery;
import dev.roleusage.query.Sorter;
import dev.roleusage.query.UsageWindow;
import java.util.List;
import java.util.Objects;

/**
 * What the engine asks a store for: one page of a potential role's members with their usage
 * count of one source inside a window, in the order of {@code sorters} (then id), and the total
 * when {@code count} is set. A store may push all of it down (SQL) or compute it in memory.
 */
public record PageRequest(
    String potentialRoleId, String sourceId, UsageWindow window,
    List<Sorter> sorters, int offset, int limit, boolean count) {

  public PageRequest {
    Objects.requireNonNull(potentialRoleId, "potentialRoleId");
    Objects.requireNonNull(sourceId, "sourceId");
    Objects.requireNonNull(window, "window");
    sorters = ImmutableList.copyOf(sorters);
    if (offset < 0 || limit < 0) {
      throw new IllegalArgumentException("offset and limit must be non-negative, got " + offset + ", " + limit);
    }
  }

  /** The page that {@code query} asks for, inside {@code window}. */
  public static PageRequest of(IdentityUsageQuery query, UsageWindow window) {
    return new PageRequest(query.potentialRoleId(), query.sourceId(), window,
        query.sorters(), query.offset(), query.limit(), query.count());
  }

  /** Index one past the last row of the page; never overflows. */
  public long end() {
    return (long) offset + limit;
  }

  /** The table this page is cut from. */
  public TableRequest table() {
    return new TableRequest(potentialRoleId, sourceId, window);
  }
}
