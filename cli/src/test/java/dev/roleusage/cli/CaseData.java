package dev.roleusage.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.roleusage.contract.ContractCase;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A contract case's data as plain rows (identities, potentialRoles, memberships, sources, usage; a
 * missing value is null), read from the inline JSON or from a data-set folder with plain string
 * splitting, and written as a data-set folder for {@code --load}.
 */
record CaseData(List<String[]> identities, List<String[]> roles, List<String[]> memberships,
    List<String[]> sources, List<String[]> usage) {
  static final String[] FILES = {"identities.csv", "potentialRoles.csv", "memberships.csv", "sources.csv", "usage.csv"};
  static final String[] HEADERS = {"id,displayName,email", "id,name", "potentialRoleId,identityId", "id,name",
      "identityId,sourceId,at"};
  private static final String[] KEYS = {"identities", "potentialRoles", "memberships", "sources", "usage"};

  static CaseData of(ContractCase c) {
    List<List<String[]>> tables = new ArrayList<>();
    for (int t = 0; t < FILES.length; t++) {
      List<String[]> rows = new ArrayList<>();
      if (c.inlineData().isPresent()) {
        JsonNode data = c.inlineData().get();
        if (data.has(KEYS[t])) {
          for (JsonNode r : data.get(KEYS[t])) {
            String[] row = new String[r.size()];
            for (int i = 0; i < r.size(); i++) {
              row[i] = r.get(i).isNull() ? null : r.get(i).asText();
            }
            rows.add(row);
          }
        }
      } else {
        rows.addAll(readPlainCsv(c.dataset().orElseThrow().resolve(FILES[t]), HEADERS[t]));
      }
      tables.add(rows);
    }
    return new CaseData(tables.get(0), tables.get(1), tables.get(2), tables.get(3), tables.get(4));
  }

  /** Rows of a CSV file without quotes, columns reordered to {@code header}; empty = null. */
  private static List<String[]> readPlainCsv(Path file, String header) {
    if (!Files.exists(file)) {
      return List.of();
    }
    try {
      List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
      List<String> columns = List.of(lines.get(0).replace("\uFEFF", "").split(",", -1));
      String[] wanted = header.split(",");
      List<String[]> rows = new ArrayList<>();
      for (String line : lines.subList(1, lines.size())) {
        if (line.contains("\"")) {
          throw new IllegalStateException(file + " has quoted fields; this reader only splits on commas");
        }
        String[] f = line.split(",", -1);
        String[] row = new String[wanted.length];
        for (int i = 0; i < wanted.length; i++) {
          int at = columns.indexOf(wanted[i]);
          row[i] = at < 0 || f[at].isEmpty() ? null : f[at];
        }
        rows.add(row);
      }
      return rows;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Writes the rows as a data-set folder (RFC 4180 quoting where needed). */
  void writeTo(Path dir) throws IOException {
    Files.createDirectories(dir);
    List<List<String[]>> tables = List.of(identities, roles, memberships, sources, usage);
    for (int t = 0; t < FILES.length; t++) {
      StringBuilder csv = new StringBuilder(HEADERS[t]).append('\n');
      for (String[] row : tables.get(t)) {
        for (int i = 0; i < row.length; i++) {
          if (i > 0) {
            csv.append(',');
          }
          csv.append(quote(row[i]));
        }
        csv.append('\n');
      }
      Files.writeString(dir.resolve(FILES[t]), csv, StandardCharsets.UTF_8);
    }
  }

  private static String quote(String v) {
    if (v == null) {
      return "";
    }
    if (v.contains(",") || v.contains("\"") || v.contains("\n") || v.contains("\r")) {
      return '"' + v.replace("\"", "\"\"") + '"';
    }
    return v;
  }
}
