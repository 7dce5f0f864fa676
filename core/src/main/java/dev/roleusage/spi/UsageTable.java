package dev.roleusage.spi;

import com.google.common.collect.ImmutableList;
import dev.roleusage.query.IdentityUsage;
import java.util.List;

/**
 * Every member of one potential role with its usage count of one source in one window, from one
 * snapshot, in no particular order. A cache keeps this and cuts any page, in any order, from it.
 */
public record UsageTable(List<IdentityUsage> rows) {
  public UsageTable {
    rows = ImmutableList.copyOf(rows);
  }

  public static UsageTable of(List<IdentityUsage> rows) {
    return new UsageTable(rows);
  }

  /** The number of members (the {@code X-Total-Count} of the role). */
  public int size() {
    return rows.size();
  }
}
