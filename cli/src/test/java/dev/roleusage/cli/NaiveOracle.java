package dev.roleusage.cli;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * CONTRACT §2–§4 computed the slow, obvious way from the rows of a case, written from the contract
 * text alone (no library code): for the CLI's end-to-end tests.
 */
final class NaiveOracle {
  record Row(String id, String displayName, String email, int usageCount) {}

  /** A page and the total, or null when the role or source is unknown (404). */
  record Page(List<Row> rows, int total) {}

  private final CaseData data;

  NaiveOracle(CaseData data) {
    this.data = data;
  }

  Page page(String role, String source, List<String> sorters, int offset, int limit, Instant now, ZoneId zone) {
    Set<String> roles = new HashSet<>();
    data.roles().forEach(r -> roles.add(r[0]));
    data.memberships().forEach(m -> roles.add(m[0]));
    Set<String> sources = new HashSet<>();
    data.sources().forEach(s -> sources.add(s[0]));
    data.usage().forEach(u -> sources.add(u[1]));
    if (!roles.contains(role) || !sources.contains(source)) {
      return null;
    }
    LocalDate today = LocalDate.ofInstant(now, zone);
    LocalDate first = today.minusDays(89);
    Map<String, Set<LocalDate>> days = new HashMap<>();
    for (String[] u : data.usage()) {
      LocalDate day = u[2].length() == 10 ? LocalDate.parse(u[2])
          : LocalDate.ofInstant(OffsetDateTime.parse(u[2]).toInstant(), zone);
      if (u[1].equals(source) && !day.isBefore(first) && !day.isAfter(today)) {
        days.computeIfAbsent(u[0], k -> new HashSet<>()).add(day);
      }
    }
    Map<String, String[]> identities = new HashMap<>();
    data.identities().forEach(i -> identities.put(i[0], i));
    Set<String> members = new LinkedHashSet<>();
    data.memberships().stream().filter(m -> m[0].equals(role)).forEach(m -> members.add(m[1]));
    List<Row> rows = new ArrayList<>();
    for (String id : members) {
      String[] i = identities.get(id);
      rows.add(new Row(id, i == null ? null : blankToNull(i[1]), i == null ? null : blankToNull(i[2]),
          days.getOrDefault(id, Set.of()).size()));
    }
    Comparator<Row> order = (a, b) -> 0;
    for (String sorter : sorters) {
      boolean descending = sorter.startsWith("-");
      String field = descending ? sorter.substring(1) : sorter;
      Comparator<Row> c;
      if (field.equals("usageCount")) {
        c = Comparator.comparingInt(Row::usageCount);
        c = descending ? c.reversed() : c;
      } else {
        boolean name = field.equals("displayName");
        c = (a, b) -> text(name ? a.displayName() : a.email(), name ? b.displayName() : b.email(), descending);
      }
      order = order.thenComparing(c);
    }
    order = order.thenComparing((a, b) -> codePoints(a.id(), b.id()));
    rows.sort(order);
    int from = Math.min(offset, rows.size());
    int to = (int) Math.min((long) offset + limit, rows.size());
    return new Page(rows.subList(from, to), rows.size());
  }

  /** Missing last in both directions; else lower-cased (ROOT) by code point, then as given. */
  private static int text(String a, String b, boolean descending) {
    if (a == null || b == null) {
      return a == null ? (b == null ? 0 : 1) : -1;
    }
    int c = codePoints(a.toLowerCase(Locale.ROOT), b.toLowerCase(Locale.ROOT));
    if (c == 0) {
      c = codePoints(a, b);
    }
    return descending ? -c : c;
  }

  private static int codePoints(String a, String b) {
    return Arrays.compare(a.codePoints().toArray(), b.codePoints().toArray());
  }

  private static String blankToNull(String s) {
    return s == null || s.isEmpty() ? null : s;
  }
}
