package dev.roleusage.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.roleusage.contract.SharedFolder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** {@code import} of every real data set: the jar reads every row of every file. */
class ImportIT {
  private static final Pattern ROWS = Pattern.compile("^  (\\w+\\.csv): (\\d+) rows$");

  @TempDir Path work;

  static Stream<Path> convertedFolders() throws IOException {
    return Files.list(SharedFolder.resolve("datasets/converted")).filter(Files::isDirectory).sorted();
  }

  @ParameterizedTest
  @MethodSource("convertedFolders")
  void importPrintsTheRowsOfEveryFileEqualToItsLineCount(Path folder) throws IOException {
    Jar.Run run = Jar.run(work, "import", folder.toString(), "--store", "memory:");

    assertThat(run.exitCode()).as(run.stderr()).isZero();
    Map<String, Long> printed = new LinkedHashMap<>();
    for (String line : run.stdout().lines().toList()) {
      Matcher m = ROWS.matcher(line);
      if (m.matches()) {
        printed.put(m.group(1), Long.parseLong(m.group(2)));
      }
    }
    Map<String, Long> expected = new LinkedHashMap<>();
    try (Stream<Path> files = Files.list(folder)) {
      for (Path csv : files.filter(f -> f.toString().endsWith(".csv")).toList()) {
        expected.put(csv.getFileName().toString(), Jar.dataLines(csv));
      }
    }
    assertThat(printed).isEqualTo(expected);
    assertThat(run.stdout()).startsWith("loaded " + folder + " into tenant default\n");
  }
}
