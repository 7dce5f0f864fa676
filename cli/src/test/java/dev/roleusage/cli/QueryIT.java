package dev.roleusage.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.roleusage.contract.SharedFolder;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The issue's example, run through the jar on the real LANL red-team data and checked against a
 * brute-force count over the CSV files written in this test (plain string splitting, no library code).
 */
class QueryIT {
  @TempDir Path work;

  private final Path lanl = SharedFolder.resolve("datasets/converted/lanl-redteam");

  @Test
  void theIssueExampleAnswersWhatABruteForceCountOverUsageCsvGives() throws IOException {
    Jar.Run run = Jar.run(work, "query", "redteam", "C2388", "--load", lanl.toString(), "--store", "memory:",
        "--as-of", "2026-01-30T23:00:00Z", "--sorters=-usageCount", "--count");

    assertThat(run.exitCode()).as(run.stderr()).isZero();
    assertThat(run.stdout()).isEqualTo(expectedBody("C2388", LocalDate.parse("2026-01-30")));
  }

  @Test
  void includePrintsTheStatusLineAndHeadersFirst() throws IOException {
    Jar.Run run = Jar.run(work, "query", "redteam", "C2388", "--load", lanl.toString(), "--store", "memory:",
        "--as-of", "2026-01-30T23:00:00Z", "--sorters=-usageCount", "--count", "-i");

    assertThat(run.exitCode()).as(run.stderr()).isZero();
    String out = run.stdout();
    int blank = out.indexOf("\n\n");
    List<String> head = out.substring(0, blank).lines().toList();
    assertThat(head.get(0)).isEqualTo("HTTP/1.1 200 OK");
    assertThat(head).contains("X-Total-Count: 104"); // 104 identities in the one role, README §converted
    assertThat(head.stream().filter(h -> h.toLowerCase(java.util.Locale.ROOT).startsWith("content-type:")))
        .singleElement().asString().contains("application/json");
    assertThat(out.substring(blank + 2)).isEqualTo(expectedBody("C2388", LocalDate.parse("2026-01-30")));
  }

  @Test
  void aDateAsOfMeansThatDayInTheUsageZone() throws IOException {
    Jar.Run run = Jar.run(work, "query", "redteam", "C754", "--load", lanl.toString(), "--store", "memory:",
        "--as-of", "2026-01-30", "--sorters=-usageCount", "--count");

    assertThat(run.exitCode()).as(run.stderr()).isZero();
    assertThat(run.stdout()).isEqualTo(expectedBody("C754", LocalDate.parse("2026-01-30")));
  }

  /**
   * Members of redteam with the number of distinct UTC days in [asOf-89, asOf] on which they used
   * {@code source}, sorted by count descending then id by code point, as compact JSON.
   */
  private String expectedBody(String source, LocalDate asOf) throws IOException {
    List<String> members = new ArrayList<>();
    for (String line : data(lanl.resolve("memberships.csv"))) {
      String[] f = line.split(",", -1);
      if (f[0].equals("redteam")) {
        members.add(f[1]);
      }
    }
    Map<String, String> names = new HashMap<>();
    for (String line : data(lanl.resolve("identities.csv"))) {
      String[] f = line.split(",", -1);
      names.put(f[0], f[1]);
      assertThat(f[2]).as("no e-mails in this data set").isEmpty();
    }
    Map<String, Set<LocalDate>> days = new HashMap<>();
    for (String line : data(lanl.resolve("usage.csv"))) {
      String[] f = line.split(",", -1);
      assertThat(f[2]).endsWith("Z");
      LocalDate day = LocalDate.parse(f[2].substring(0, 10)); // a Z instant's UTC day is its date part
      if (f[1].equals(source) && !day.isBefore(asOf.minusDays(89)) && !day.isAfter(asOf)) {
        days.computeIfAbsent(f[0], k -> new HashSet<>()).add(day);
      }
    }
    members.sort(Comparator.<String>comparingInt(id -> -days.getOrDefault(id, Set.of()).size())
        .thenComparing(Comparator.naturalOrder())); // ids are ASCII: String order is code-point order
    StringBuilder json = new StringBuilder("[");
    for (String id : members) {
      if (json.length() > 1) {
        json.append(',');
      }
      json.append("{\"id\":\"").append(id).append("\",\"displayName\":\"").append(names.get(id))
          .append("\",\"usageCount\":").append(days.getOrDefault(id, Set.of()).size()).append('}');
    }
    return json.append(']').toString();
  }

  private static List<String> data(Path csv) throws IOException {
    List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
    for (String line : lines) {
      assertThat(line).as("plain CSV, so splitting on commas is exact").doesNotContain("\"");
    }
    return lines.subList(1, lines.size());
  }
}
