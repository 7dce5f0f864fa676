package dev.roleusage.dataset;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.RuntimeJsonMappingException;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import dev.roleusage.model.ChangeSet;
import dev.roleusage.model.InvalidRecordException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PushbackReader;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.LongConsumer;

/**
 * Reads roleusage's data-set folder format: RFC 4180 CSV files, UTF-8 (a BOM is accepted), each
 * with a header row naming its columns in any order. Every file is optional; an empty field means
 * "missing".
 *
 * <table>
 *   <caption>Files and columns (required in bold)</caption>
 *   <tr><td>identities.csv</td><td><b>id</b>, displayName, email</td></tr>
 *   <tr><td>potentialRoles.csv</td><td><b>id</b>, name</td></tr>
 *   <tr><td>memberships.csv</td><td><b>potentialRoleId</b>, <b>identityId</b></td></tr>
 *   <tr><td>sources.csv</td><td><b>id</b>, name</td></tr>
 *   <tr><td>usage.csv</td><td><b>identityId</b>, <b>sourceId</b>, <b>at</b>: an ISO-8601 instant
 *       ({@code 2026-01-09T05:29:16Z}, or with an offset) or a date ({@code 2026-01-09}, a whole
 *       day in the usage zone)</td></tr>
 * </table>
 *
 * <p>Unknown columns are ignored with a warning. A malformed row, a missing required column or a
 * duplicate id stops the read with a {@link DataSetException} saying {@code file:line: reason};
 * since the result is one change set, nothing of a failed load reaches a store.
 */
public final class DataSetFolder {
  /** The files, in the order they are read. */
  public static final List<String> FILES =
      List.of("identities.csv", "potentialRoles.csv", "sources.csv", "memberships.csv", "usage.csv");

  private static final Map<String, List<String>> REQUIRED = Map.of(
      "identities.csv", List.of("id"),
      "potentialRoles.csv", List.of("id"),
      "sources.csv", List.of("id"),
      "memberships.csv", List.of("potentialRoleId", "identityId"),
      "usage.csv", List.of("identityId", "sourceId", "at"));
  private static final Map<String, List<String>> OPTIONAL = Map.of(
      "identities.csv", List.of("displayName", "email"),
      "potentialRoles.csv", List.of("name"),
      "sources.csv", List.of("name"),
      "memberships.csv", List.of(),
      "usage.csv", List.of());

  private static final CsvMapper CSV = new CsvMapper();

  private DataSetFolder() {}

  /** Reads {@code dir}; instants in usage.csv count on their day in {@code usageZone}. */
  public static DataSet read(Path dir, ZoneId usageZone) throws DataSetException {
    return read(dir, usageZone, rows -> {});
  }

  /**
   * Reads {@code dir}, telling {@code progress} the number of data rows read so far every 10,000
   * rows (for a progress display).
   */
  public static DataSet read(Path dir, ZoneId usageZone, LongConsumer progress) throws DataSetException {
    Objects.requireNonNull(dir, "dir");
    Objects.requireNonNull(usageZone, "usageZone");
    if (!Files.isDirectory(dir)) {
      throw new DataSetException(dir, 0, "not a directory");
    }
    ChangeSet.Builder changes = ChangeSet.builder(usageZone);
    Map<String, Long> rowsPerFile = new LinkedHashMap<>();
    List<String> warnings = new ArrayList<>();
    long[] total = {0};
    for (String name : FILES) {
      Path file = dir.resolve(name);
      if (!Files.isRegularFile(file)) {
        continue;
      }
      long rows = readFile(file, name, changes, warnings, progress, total);
      rowsPerFile.put(name, rows);
    }
    return new DataSet(changes.build(), rowsPerFile, warnings);
  }

  private static long readFile(Path file, String name, ChangeSet.Builder changes, List<String> warnings,
      LongConsumer progress, long[] total) throws DataSetException {
    try (Reader reader = utf8WithoutBom(file);
         MappingIterator<String[]> it = CSV.readerFor(String[].class)
             .with(CsvParser.Feature.WRAP_AS_ARRAY)
             .readValues(reader)) {
      if (!it.hasNextValue()) {
        throw new DataSetException(file, 1, "the header row is missing");
      }
      String[] header = it.nextValue();
      Map<String, Integer> columns = columns(file, name, header, warnings);
      long rows = 0;
      while (true) {
        long line;
        String[] fields;
        try {
          if (!it.hasNextValue()) {
            break;
          }
          line = it.getParser().currentLocation().getLineNr();
          fields = it.nextValue();
        } catch (RuntimeJsonMappingException | IOException e) {
          long at = it.getParser().currentLocation().getLineNr();
          throw new DataSetException(file, at, "malformed CSV: " + firstLine(e.getMessage()));
        }
        if (fields.length == 1 && fields[0].isEmpty() && header.length > 1) {
          continue; // a blank line
        }
        if (fields.length != header.length) {
          throw new DataSetException(file, line,
              "expected " + header.length + " fields as in the header, found " + fields.length);
        }
        try {
          addRow(name, fields, columns, changes);
        } catch (InvalidRecordException e) {
          throw new DataSetException(file, line, e.getMessage());
        } catch (IllegalArgumentException e) {
          throw new DataSetException(file, line, e.getMessage());
        }
        rows++;
        if (++total[0] % 10_000 == 0) {
          progress.accept(total[0]);
        }
      }
      return rows;
    } catch (CharacterCodingException e) {
      throw new DataSetException(file, 0, "not valid UTF-8", e);
    } catch (NoSuchFileException e) {
      throw new DataSetException(file, 0, "cannot be read: no such file", e);
    } catch (RuntimeJsonMappingException e) {
      throw new DataSetException(file, 0, "malformed CSV: " + firstLine(e.getMessage()), e);
    } catch (IOException e) {
      if (e.getCause() instanceof CharacterCodingException) {
        throw new DataSetException(file, 0, "not valid UTF-8", e);
      }
      throw new DataSetException(file, 0, "cannot be read: " + firstLine(e.getMessage()), e);
    }
  }

  private static Map<String, Integer> columns(Path file, String name, String[] header, List<String> warnings)
      throws DataSetException {
    Map<String, Integer> columns = new HashMap<>();
    for (int i = 0; i < header.length; i++) {
      String column = header[i].strip();
      if (columns.put(column, i) != null) {
        throw new DataSetException(file, 1, "column '" + column + "' appears twice in the header");
      }
      if (!REQUIRED.get(name).contains(column) && !OPTIONAL.get(name).contains(column)) {
        warnings.add(file.getFileName() + ": unknown column '" + column + "' ignored");
      }
    }
    for (String required : REQUIRED.get(name)) {
      if (!columns.containsKey(required)) {
        throw new DataSetException(file, 1, "required column '" + required + "' is missing from the header");
      }
    }
    return columns;
  }

  private static void addRow(String name, String[] f, Map<String, Integer> c, ChangeSet.Builder changes) {
    switch (name) {
      case "identities.csv":
        changes.identity(f[c.get("id")], get(f, c, "displayName"), get(f, c, "email"));
        break;
      case "potentialRoles.csv":
        changes.potentialRole(f[c.get("id")], get(f, c, "name"));
        break;
      case "sources.csv":
        changes.source(f[c.get("id")], get(f, c, "name"));
        break;
      case "memberships.csv":
        changes.membership(f[c.get("potentialRoleId")], f[c.get("identityId")]);
        break;
      case "usage.csv":
        addUsage(f[c.get("identityId")], f[c.get("sourceId")], f[c.get("at")], changes);
        break;
      default:
        throw new AssertionError(name);
    }
  }

  private static void addUsage(String identityId, String sourceId, String at, ChangeSet.Builder changes) {
    if (at.isEmpty()) {
      throw new IllegalArgumentException("at is empty: expected an ISO-8601 instant or date");
    }
    if (at.length() == 10) {
      try {
        changes.usage(identityId, sourceId, LocalDate.parse(at));
        return;
      } catch (DateTimeParseException e) {
        throw new IllegalArgumentException("at '" + at + "' is not an ISO-8601 date (yyyy-MM-dd)");
      }
    }
    Instant instant;
    try {
      instant = OffsetDateTime.parse(at).toInstant();
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException("at '" + shorten(at)
          + "' is not an ISO-8601 instant with an offset (2026-01-09T05:29:16Z) or a date (2026-01-09)");
    }
    changes.usage(identityId, sourceId, instant);
  }

  private static String get(String[] fields, Map<String, Integer> columns, String column) {
    Integer i = columns.get(column);
    return i == null ? null : fields[i];
  }

  private static Reader utf8WithoutBom(Path file) throws IOException {
    Reader reader = new BufferedReader(new java.io.InputStreamReader(Files.newInputStream(file),
        StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT)), 1 << 16);
    PushbackReader pushback = new PushbackReader(reader, 1);
    int first = pushback.read();
    if (first != -1 && first != '\uFEFF') {
      pushback.unread(first);
    }
    return pushback;
  }

  private static String shorten(String s) {
    return s.length() > 64 ? s.substring(0, 64) + "…" : s;
  }

  private static String firstLine(String message) {
    if (message == null) {
      return "unreadable";
    }
    int nl = message.indexOf('\n');
    return nl < 0 ? message : message.substring(0, nl);
  }
}
