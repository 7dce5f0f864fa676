package dev.roleusage.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.roleusage.dataset.DataSetFolder;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code generate}: deterministic, loadable, and shaped like real data. */
class GenerateIT {
  @TempDir Path work;

  private Jar.Run generate(String dir, String seed) {
    return Jar.run(work, "generate", dir, "--identities", "3000", "--roles", "25", "--sources", "12", "--seed", seed);
  }

  @Test
  void theSameSeedWritesTheSameBytesAndAnotherSeedDoesNot() throws IOException {
    assertThat(generate("a", "42").exitCode()).isZero();
    assertThat(generate("b", "42").exitCode()).isZero();
    assertThat(generate("c", "43").exitCode()).isZero();

    for (String file : DataSetFolder.FILES) {
      assertThat(Files.readAllBytes(work.resolve("b").resolve(file))).as(file)
          .isEqualTo(Files.readAllBytes(work.resolve("a").resolve(file)));
    }
    assertThat(Files.readAllBytes(work.resolve("c/usage.csv")))
        .isNotEqualTo(Files.readAllBytes(work.resolve("a/usage.csv")));
  }

  @Test
  void refusesToOverwriteWithoutForce() {
    assertThat(generate("a", "1").exitCode()).isZero();
    Jar.Run again = generate("a", "1");
    assertThat(again.exitCode()).isEqualTo(1);
    assertThat(again.stderrLines()).singleElement().asString().contains("--force");
  }

  @Test
  void theGeneratedFolderLoadsAndLooksLikeRealData() throws IOException {
    assertThat(generate("g", "7").exitCode()).isZero();
    Path dir = work.resolve("g");

    Jar.Run load = Jar.run(work, "import", dir.toString(), "--store", "memory:");
    assertThat(load.exitCode()).as(load.stderr()).isZero();
    for (String file : DataSetFolder.FILES) {
      assertThat(load.stdout()).contains("  " + file + ": " + Jar.dataLines(dir.resolve(file)) + " rows");
    }

    List<String> identities = Files.readAllLines(dir.resolve("identities.csv"), StandardCharsets.UTF_8);
    assertThat(identities).hasSize(3001);
    long noEmail = identities.stream().skip(1).filter(l -> l.endsWith(",")).count();
    assertThat(noEmail).as("some e-mails missing").isBetween(100L, 600L);
    String all = String.join("\n", identities);
    assertThat(all).as("accents").contains("é").contains("ø");
    assertThat(all.codePoints().anyMatch(Character::isSupplementaryCodePoint)).as("a supplementary character").isTrue();
    assertThat(all).as("a quoted 'Last, First' name").containsPattern(",\"[^\"]+, [^\"]+\",");
    assertThat(identities.stream().skip(1).anyMatch(l -> {
      String name = l.split(",", -1)[1];
      return !name.isEmpty() && name.equals(name.toUpperCase(java.util.Locale.ROOT)) && name.matches(".*[A-Z].*");
    })).as("an upper-case name").isTrue();

    Map<String, Integer> usesPerIdentity = new HashMap<>();
    List<String> usage = Files.readAllLines(dir.resolve("usage.csv"), StandardCharsets.UTF_8);
    for (String line : usage.subList(1, usage.size())) {
      usesPerIdentity.merge(line.split(",", -1)[0], 1, Integer::sum);
    }
    long never = 3000 - usesPerIdentity.size();
    assertThat(never).as("some never use anything").isBetween(300L, 1500L);
    List<Integer> counts = usesPerIdentity.values().stream().sorted().toList();
    int median = counts.get(counts.size() / 2);
    int top = counts.get(counts.size() - 1);
    assertThat(top).as("a few heavy users far above the median").isGreaterThan(10 * median);
    assertThat(usage.stream().skip(1).anyMatch(l -> l.matches(".*,\\d{4}-\\d{2}-\\d{2}$"))).as("date form").isTrue();
    assertThat(usage.stream().skip(1).anyMatch(l -> l.matches(".*[+-]\\d{2}:\\d{2}$"))).as("offset form").isTrue();
  }
}
