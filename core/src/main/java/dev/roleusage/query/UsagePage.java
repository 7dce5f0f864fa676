package dev.roleusage.query;

import com.google.common.collect.ImmutableList;
import java.util.List;
import java.util.OptionalLong;

/**
 * A page of rows and, when the query asked for it ({@code count=true}), the number of rows the
 * whole role has, read from the same snapshot as the page (CONTRACT §4).
 */
public record UsagePage(List<IdentityUsage> rows, OptionalLong total) {
  public UsagePage {
    rows = ImmutableList.copyOf(rows);
    if (total == null) {
      total = OptionalLong.empty();
    }
  }

  public static UsagePage of(List<IdentityUsage> rows, OptionalLong total) {
    return new UsagePage(rows, total);
  }
}
