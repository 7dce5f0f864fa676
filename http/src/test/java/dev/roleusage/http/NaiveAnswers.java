package dev.roleusage.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.roleusage.model.ChangeSet;
import dev.roleusage.model.Identity;
import dev.roleusage.model.Membership;
import dev.roleusage.model.PotentialRole;
import dev.roleusage.model.Source;
import dev.roleusage.model.UsageDay;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * An independent, deliberately naive oracle for CONTRACT §2–§4, written for these tests from the
 * contract text (not from core's order or any store): counts by scanning every usage day, sorts the
 * whole role with a comparator written out by hand, then slices.
 */
final class NaiveAnswers {
  /** Expected outcome of a valid request: 404 (which part), or the rows JSON and the total. */
  sealed interface Outcome {}

  record RoleNotFound(String id) implements Outcome {}

  record SourceNotFound(String id) implements Outcome {}

  record Page(String bodyJson, long total) implements Outcome {}

  private record Row(String id, String displayName, String email, int usageCount) {}

  private static final ObjectMapper JSON = new ObjectMapper();

  private final Map<String, Identity> identities = new HashMap<>();
  private final Map<String, Set<String>> members = new HashMap<>();
  private final Set<String> sources = new HashSet<>();
  /** (identity id, source id) → every day it was used, in or out of any window. */
  private final Map<List<String>, Set<LocalDate>> usage = new HashMap<>();

  NaiveAnswers(ChangeSet data) {
    for (Identity i : data.identities()) {
      identities.put(i.id(), i);
    }
    for (PotentialRole r : data.potentialRoles()) {
      members.computeIfAbsent(r.id(), k -> new TreeSet<>());
    }
    for (Membership m : data.memberships()) {
      members.computeIfAbsent(m.potentialRoleId(), k -> new TreeSet<>()).add(m.identityId());
    }
    for (Source s : data.sources()) {
      sources.add(s.id());
    }
    for (UsageDay u : data.usage()) {
      sources.add(u.sourceId());
      usage.computeIfAbsent(List.of(u.identityId(), u.sourceId()), k -> new HashSet<>()).add(u.day());
    }
  }

  /** sorters as on the wire (already valid), e.g. {@code -usageCount,displayName}. */
  Outcome answer(String roleId, String sourceId, List<String> sorters, int offset, int limit, LocalDate asOf) {
    if (!members.containsKey(roleId)) {
      return new RoleNotFound(roleId);
    }
    if (!sources.contains(sourceId)) {
      return new SourceNotFound(sourceId);
    }
    LocalDate first = asOf.minusDays(89);
    List<Row> rows = new ArrayList<>();
    for (String id : members.get(roleId)) {
      int days = 0;
      for (LocalDate d : usage.getOrDefault(List.of(id, sourceId), Set.of())) {
        if (!d.isBefore(first) && !d.isAfter(asOf)) {
          days++;
        }
      }
      Identity who = identities.get(id);
      rows.add(new Row(id, who == null ? null : who.displayName(), who == null ? null : who.email(), days));
    }
    rows.sort(order(sorters));
    ArrayNode body = JsonNodeFactory.instance.arrayNode();
    for (int i = offset; i < rows.size() && i < (long) offset + limit; i++) {
      Row r = rows.get(i);
      ObjectNode o = body.addObject();
      o.put("id", r.id());
      if (r.displayName() != null) {
        o.put("displayName", r.displayName());
      }
      if (r.email() != null) {
        o.put("email", r.email());
      }
      o.put("usageCount", r.usageCount());
    }
    try {
      return new Page(JSON.writeValueAsString(body), rows.size());
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static Comparator<Row> order(List<String> sorters) {
    Comparator<Row> c = (a, b) -> 0;
    for (String s : sorters) {
      boolean desc = s.startsWith("-");
      String field = desc ? s.substring(1) : s;
      Comparator<Row> one;
      if (field.equals("usageCount")) {
        one = (a, b) -> desc ? Integer.compare(b.usageCount(), a.usageCount())
            : Integer.compare(a.usageCount(), b.usageCount());
      } else {
        boolean display = field.equals("displayName");
        one = (a, b) -> {
          String x = display ? a.displayName() : a.email();
          String y = display ? b.displayName() : b.email();
          if (x == null || y == null) {
            // Missing values last, whatever the direction.
            return x == null && y == null ? 0 : x == null ? 1 : -1;
          }
          int cmp = codePoints(x.toLowerCase(Locale.ROOT), y.toLowerCase(Locale.ROOT));
          if (cmp == 0) {
            cmp = codePoints(x, y);
          }
          return desc ? -cmp : cmp;
        };
      }
      c = c.thenComparing(one);
    }
    return c.thenComparing((a, b) -> codePoints(a.id(), b.id()));
  }

  private static int codePoints(String a, String b) {
    int[] x = a.codePoints().toArray();
    int[] y = b.codePoints().toArray();
    for (int i = 0; i < Math.min(x.length, y.length); i++) {
      if (x[i] != y[i]) {
        return Integer.compare(x[i], y[i]);
      }
    }
    return Integer.compare(x.length, y.length);
  }
}
