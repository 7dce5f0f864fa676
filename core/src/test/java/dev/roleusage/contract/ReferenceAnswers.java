package dev.roleusage.contract;

import com.fasterxml.jackson.databind.JsonNode;
import dev.roleusage.query.IdentityUsage;
import dev.roleusage.query.SortField;
import dev.roleusage.query.Sorter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A naive, independent oracle for CONTRACT §2–§4: it takes the raw case data (strings, exactly as a
 * case or a data-set folder writes them), a clock instant and a usage zone, and answers by brute
 * force. It shares no code with what it checks: no {@code TextOrder}, {@code UsageOrder},
 * {@code PageSelection}, {@code UsageWindow}, {@code ChangeSet} or {@code DataSetFolder}. Only plain
 * value types ({@link Sorter}, {@link IdentityUsage}) cross over, as input and output.
 *
 * <ul>
 *   <li>usageCount: the number of distinct days {@code d} with {@code asOf − 89 ≤ d ≤ asOf}
 *       ({@code asOf} = the clock's date in the zone) on which a usage row falls. A date is that
 *       day; an instant is its day in the zone. Counting days, not rows, makes repeats count once.
 *   <li>order: every row is sorted with a comparator written here from the contract's words:
 *       {@code toLowerCase(Locale.ROOT)} then the original, each compared as arrays of code points;
 *       missing last in both directions; then id by code point.
 * </ul>
 */
public final class ReferenceAnswers {
  /** What a request to the oracle finds. */
  public enum Outcome { FOUND, POTENTIAL_ROLE_NOT_FOUND, SOURCE_NOT_FOUND }

  /** The oracle's answer: the outcome and, when found, every row in contract order. */
  public record Answer(Outcome outcome, List<IdentityUsage> sortedRows) {
    /** The page {@code [offset, offset + limit)} of the sorted rows, computed without overflow. */
    public List<IdentityUsage> page(int offset, int limit) {
      long from = Math.min(offset, (long) sortedRows.size());
      long to = Math.min((long) offset + limit, sortedRows.size());
      return sortedRows.subList((int) from, (int) to);
    }

    public int total() {
      return sortedRows.size();
    }
  }

  private final Map<String, String[]> identities = new HashMap<>();
  private final Set<String> roles = new HashSet<>();
  private final Map<String, Set<String>> members = new HashMap<>();
  private final Set<String> sources = new HashSet<>();
  /** identityId → sourceId → raw {@code at} strings. */
  private final Map<String, Map<String, List<String>>> usage = new HashMap<>();

  /** An empty oracle; add raw rows with the methods below. */
  public ReferenceAnswers() {}

  /** The oracle for a case's inline {@code data} block, or its data-set folder. */
  public static ReferenceAnswers of(ContractCase c) {
    return c.inlineData().map(ReferenceAnswers::fromCaseData)
        .orElseGet(() -> fromFolder(c.dataset().orElseThrow()));
  }

  /** Rows from a case's {@code data} block ({@code null} = missing). */
  public static ReferenceAnswers fromCaseData(JsonNode data) {
    ReferenceAnswers r = new ReferenceAnswers();
    for (JsonNode row : rows(data, "identities")) {
      r.identity(text(row, 0), text(row, 1), text(row, 2));
    }
    for (JsonNode row : rows(data, "potentialRoles")) {
      r.role(text(row, 0));
    }
    for (JsonNode row : rows(data, "sources")) {
      r.source(text(row, 0));
    }
    for (JsonNode row : rows(data, "memberships")) {
      r.membership(text(row, 0), text(row, 1));
    }
    for (JsonNode row : rows(data, "usage")) {
      r.usage(text(row, 0), text(row, 1), text(row, 2));
    }
    return r;
  }

  /**
   * Rows from a data-set folder, read with a tiny CSV reader of its own: one record per line,
   * header first, optional BOM, fields split at commas, a field in double quotes may hold commas and
   * {@code ""}. (The shared files hold no line breaks inside fields.) An empty field is missing.
   */
  public static ReferenceAnswers fromFolder(Path dir) {
    ReferenceAnswers r = new ReferenceAnswers();
    for (Map<String, String> row : readCsv(dir.resolve("identities.csv"))) {
      r.identity(row.get("id"), row.get("displayName"), row.get("email"));
    }
    for (Map<String, String> row : readCsv(dir.resolve("potentialRoles.csv"))) {
      r.role(row.get("id"));
    }
    for (Map<String, String> row : readCsv(dir.resolve("sources.csv"))) {
      r.source(row.get("id"));
    }
    for (Map<String, String> row : readCsv(dir.resolve("memberships.csv"))) {
      r.membership(row.get("potentialRoleId"), row.get("identityId"));
    }
    for (Map<String, String> row : readCsv(dir.resolve("usage.csv"))) {
      r.usage(row.get("identityId"), row.get("sourceId"), row.get("at"));
    }
    return r;
  }

  /** Declares (or replaces) an identity; null or "" means missing. */
  public ReferenceAnswers identity(String id, String displayName, String email) {
    identities.put(id, new String[] {missingIfEmpty(displayName), missingIfEmpty(email)});
    return this;
  }

  public ReferenceAnswers role(String roleId) {
    roles.add(roleId);
    return this;
  }

  public ReferenceAnswers source(String sourceId) {
    sources.add(sourceId);
    return this;
  }

  public ReferenceAnswers membership(String roleId, String identityId) {
    roles.add(roleId);
    members.computeIfAbsent(roleId, k -> new LinkedHashSet<>()).add(identityId);
    return this;
  }

  /** One use; {@code at} is {@code yyyy-MM-dd} (a whole day) or an ISO instant with an offset. */
  public ReferenceAnswers usage(String identityId, String sourceId, String at) {
    sources.add(sourceId);
    usage.computeIfAbsent(identityId, k -> new HashMap<>())
        .computeIfAbsent(sourceId, k -> new ArrayList<>()).add(at);
    return this;
  }

  /** The answer to "role, source, sorters" with the clock at {@code now}, counting days in {@code zone}. */
  public Answer answer(String roleId, String sourceId, List<Sorter> sorters, Instant now, ZoneId zone) {
    if (!roles.contains(roleId)) {
      return new Answer(Outcome.POTENTIAL_ROLE_NOT_FOUND, List.of());
    }
    if (!sources.contains(sourceId)) {
      return new Answer(Outcome.SOURCE_NOT_FOUND, List.of());
    }
    LocalDate asOf = now.atZone(zone).toLocalDate();
    LocalDate firstDay = asOf.minusDays(89);
    List<Keyed> rows = new ArrayList<>();
    for (String id : members.getOrDefault(roleId, Set.of())) {
      String[] person = identities.getOrDefault(id, new String[] {null, null});
      // The distinct days d with asOf - 89 <= d <= asOf on which a use falls.
      Set<LocalDate> daysInWindow = new HashSet<>();
      for (String at : usage.getOrDefault(id, Map.of()).getOrDefault(sourceId, List.of())) {
        LocalDate day = dayOf(at, zone);
        if (!day.isBefore(firstDay) && !day.isAfter(asOf)) {
          daysInWindow.add(day);
        }
      }
      rows.add(new Keyed(new IdentityUsage(id, person[0], person[1], daysInWindow.size())));
    }
    rows.sort((a, b) -> compare(a, b, sorters));
    List<IdentityUsage> sorted = new ArrayList<>(rows.size());
    for (Keyed k : rows) {
      sorted.add(k.row);
    }
    return new Answer(Outcome.FOUND, List.copyOf(sorted));
  }

  /** The day a raw {@code at} falls on in {@code zone}. */
  static LocalDate dayOf(String at, ZoneId zone) {
    if (at.length() == 10) {
      return LocalDate.parse(at);
    }
    return OffsetDateTime.parse(at).toInstant().atZone(zone).toLocalDate();
  }

  // ---- the order, written from CONTRACT §3 alone ----

  /** A row with its comparison keys worked out once (code point arrays). */
  private static final class Keyed {
    final IdentityUsage row;
    final int[] id;
    final int[] nameLower;
    final int[] name;
    final int[] emailLower;
    final int[] email;

    Keyed(IdentityUsage row) {
      this.row = row;
      this.id = row.id().codePoints().toArray();
      this.name = row.displayName() == null ? null : row.displayName().codePoints().toArray();
      this.nameLower = row.displayName() == null ? null
          : row.displayName().toLowerCase(Locale.ROOT).codePoints().toArray();
      this.email = row.email() == null ? null : row.email().codePoints().toArray();
      this.emailLower = row.email() == null ? null
          : row.email().toLowerCase(Locale.ROOT).codePoints().toArray();
    }
  }

  private static int compare(Keyed a, Keyed b, List<Sorter> sorters) {
    for (Sorter s : sorters) {
      int c;
      if (s.field() == SortField.USAGE_COUNT) {
        c = Integer.compare(a.row.usageCount(), b.row.usageCount());
        c = s.descending() ? -c : c;
      } else if (s.field() == SortField.DISPLAY_NAME) {
        c = compareText(a.nameLower, a.name, b.nameLower, b.name, s.descending());
      } else {
        c = compareText(a.emailLower, a.email, b.emailLower, b.email, s.descending());
      }
      if (c != 0) {
        return c;
      }
    }
    return Arrays.compare(a.id, b.id);
  }

  private static int compareText(int[] lowerA, int[] a, int[] lowerB, int[] b, boolean descending) {
    if (a == null || b == null) {
      // Missing last, whatever the direction: not subject to the sign flip.
      return a == null ? (b == null ? 0 : 1) : -1;
    }
    int c = Arrays.compare(lowerA, lowerB);
    if (c == 0) {
      c = Arrays.compare(a, b);
    }
    return descending ? -c : c;
  }

  // ---- raw input ----

  private static String missingIfEmpty(String s) {
    return s == null || s.isEmpty() ? null : s;
  }

  private static Iterable<JsonNode> rows(JsonNode data, String key) {
    return data.has(key) ? data.get(key) : List.of();
  }

  private static String text(JsonNode row, int i) {
    JsonNode v = row.get(i);
    return v == null || v.isNull() ? null : v.asText();
  }

  /** Rows of a CSV file as column → value maps (empty field → null); a missing file has no rows. */
  static List<Map<String, String>> readCsv(Path file) {
    if (!Files.isRegularFile(file)) {
      return List.of();
    }
    List<String> lines;
    try {
      lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    List<Map<String, String>> out = new ArrayList<>();
    List<String> header = null;
    for (String line : lines) {
      if (header == null && line.startsWith("\uFEFF")) {
        line = line.substring(1);
      }
      if (line.endsWith("\r")) {
        line = line.substring(0, line.length() - 1);
      }
      if (line.isEmpty()) {
        continue;
      }
      List<String> fields = splitCsvLine(line);
      if (header == null) {
        header = fields;
        continue;
      }
      Map<String, String> row = new LinkedHashMap<>();
      for (int i = 0; i < header.size(); i++) {
        String v = i < fields.size() ? fields.get(i) : "";
        row.put(header.get(i), v.isEmpty() ? null : v);
      }
      out.add(row);
    }
    return out;
  }

  static List<String> splitCsvLine(String line) {
    List<String> fields = new ArrayList<>();
    StringBuilder field = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (quoted) {
        if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
          field.append('"');
          i++;
        } else if (c == '"') {
          quoted = false;
        } else {
          field.append(c);
        }
      } else if (c == '"') {
        quoted = true;
      } else if (c == ',') {
        fields.add(field.toString());
        field.setLength(0);
      } else {
        field.append(c);
      }
    }
    fields.add(field.toString());
    return fields;
  }
}
