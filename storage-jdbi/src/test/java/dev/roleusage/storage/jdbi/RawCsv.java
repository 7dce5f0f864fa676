package dev.roleusage.storage.jdbi;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A deliberately naive reader of the shared CSV files (no quoting, which the files checked here do
 * not use), so that expected answers are worked out without the library's own loader.
 */
final class RawCsv {
  private RawCsv() {}

  /** Data rows of {@code file} (header dropped), split at commas; empty when the file is absent. */
  static List<String[]> rows(Path file) {
    if (!Files.isRegularFile(file)) {
      return List.of();
    }
    try {
      List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
      List<String[]> rows = new ArrayList<>();
      for (String line : lines.subList(1, lines.size())) {
        if (line.isBlank()) {
          continue;
        }
        assertThat(line).as("naive reader: %s has no quoted fields", file).doesNotContain("\"");
        rows.add(line.split(",", -1));
      }
      return rows;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
