package dev.roleusage.benchmarks;

import dev.roleusage.RoleUsage;
import dev.roleusage.query.IdentityUsageQuery;

/**
 * "Warm": the next pages of a role that has been read already. Eight consecutive pages from the
 * shape's offset (backwards from the last page), all read once before timing so the cache holds
 * the table and, from the second read in an order on, the sorted copy; the benchmark then cycles
 * through them, so each timed request is a cached page, never the same one twice in a row.
 */
final class WarmPages {
  static final int PAGES = 8;

  private final IdentityUsageQuery[] queries = new IdentityUsageQuery[PAGES];
  private int next;

  WarmPages(String shape, int n) {
    boolean backwards = shape.contains("offset=last");
    for (int j = 0; j < PAGES; j++) {
      queries[j] = Requests.query(shape, n, (backwards ? -j : j) * Requests.LIMIT);
    }
  }

  /** Reads every page once (the cache loads the table, then sorts it on the second read), checking each. */
  void prime(RoleUsage engine, int n) {
    for (IdentityUsageQuery q : queries) {
      Checks.fullPage(engine.query(Population.TENANT, q), n, q.count());
    }
  }

  /** The next page to read. */
  IdentityUsageQuery next() {
    IdentityUsageQuery q = queries[next];
    next = (next + 1) % PAGES;
    return q;
  }
}
