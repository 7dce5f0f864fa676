package dev.roleusage.benchmarks;

import dev.roleusage.query.IdentityUsageQuery;
import dev.roleusage.query.ParsedQuery;
import dev.roleusage.query.QueryString;
import java.util.ArrayList;
import java.util.List;

/**
 * The workload, one request shape per JMH {@code @Param} value, written as the query string a
 * client would send except that the offset is named by where it lies: {@code first} = 0,
 * {@code middle} = n/2, {@code last} = n−250. Limit is always 250. One parameter (instead of
 * three crossed ones) lets a run pick any subset of shapes with {@code -p shape=...}.
 */
final class Requests {
  static final int LIMIT = 250;

  /** Every shape of the workload: 2 sorters × 3 offsets × count false/true. */
  static final String S00 = "sorters=-usageCount&offset=first&count=false";
  static final String S01 = "sorters=-usageCount&offset=first&count=true";
  static final String S02 = "sorters=-usageCount&offset=middle&count=false";
  static final String S03 = "sorters=-usageCount&offset=middle&count=true";
  static final String S04 = "sorters=-usageCount&offset=last&count=false";
  static final String S05 = "sorters=-usageCount&offset=last&count=true";
  static final String S06 = "sorters=displayName&offset=first&count=false";
  static final String S07 = "sorters=displayName&offset=first&count=true";
  static final String S08 = "sorters=displayName&offset=middle&count=false";
  static final String S09 = "sorters=displayName&offset=middle&count=true";
  static final String S10 = "sorters=displayName&offset=last&count=false";
  static final String S11 = "sorters=displayName&offset=last&count=true";

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

  /** The query that {@code shape} describes for a role of {@code n} members, parsed as the HTTP facade would. */
  static IdentityUsageQuery query(String shape, int n) {
    return query(shape, n, 0);
  }

  /** As {@link #query(String, int)}, the offset moved by {@code shift} (clamped into the role). */
  static IdentityUsageQuery query(String shape, int n, int shift) {
    String where = null;
    List<String> rest = new ArrayList<>();
    for (String part : shape.split("&")) {
      if (part.startsWith("offset=")) {
        where = part.substring("offset=".length());
      } else {
        rest.add(part);
      }
    }
    if (where == null) {
      throw new IllegalArgumentException("shape has no offset=first|middle|last: " + shape);
    }
    int offset = Math.max(0, Math.min(Math.max(0, n - LIMIT), offset(where, n) + shift));
    rest.add("offset=" + offset);
    rest.add("limit=" + LIMIT);
    ParsedQuery parsed = IdentityUsageQuery.parse(Population.ROLE, Population.SOURCE,
        QueryString.parse(String.join("&", rest)));
    if (!(parsed instanceof ParsedQuery.Valid valid)) {
      throw new IllegalArgumentException("shape " + shape + " is not a valid request: " + parsed);
    }
    return valid.query();
  }
}
