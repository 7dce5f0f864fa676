package dev.roleusage.benchmarks;

import dev.roleusage.query.IdentityUsageQuery;
import dev.roleusage.query.ParsedQuery;
import dev.roleusage.query.QueryString;
import dev.roleusage.query.Sorter;
import java.util.List;

/**
 * The workload: {@code sorters} as on the wire ({@code -usageCount}, {@code displayName}), an
 * offset named by where it lies ({@code first} = 0, {@code middle} = n/2, {@code last} = n−250),
 * limit 250, and {@code count}.
 */
final class Requests {
  static final int LIMIT = 250;

  private Requests() {}

  /** The offset that {@code where} names for a role of {@code n} members. */
  static int offset(String where, int n) {
    switch (where) {
      case "first":
        return 0;
      case "middle":
        return n / 2;
      case "last":
        return Math.max(0, n - LIMIT);
      default:
        throw new IllegalArgumentException("offset must be first, middle or last, got " + where);
    }
  }

  /** Parses {@code sorters} exactly as the HTTP facade would. */
  static List<Sorter> sorters(String wire) {
    ParsedQuery parsed = IdentityUsageQuery.parse(Population.ROLE, Population.SOURCE, QueryString.parse("sorters=" + wire));
    if (!(parsed instanceof ParsedQuery.Valid valid)) {
      throw new IllegalArgumentException("bad sorters " + wire + ": " + parsed);
    }
    return valid.query().sorters();
  }

  static IdentityUsageQuery query(String sorters, int offset, boolean count) {
    return IdentityUsageQuery.builder(Population.ROLE, Population.SOURCE)
        .sorters(sorters(sorters)).offset(offset).limit(LIMIT).count(count).build();
  }
}
