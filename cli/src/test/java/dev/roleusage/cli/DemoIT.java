package dev.roleusage.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code demo}: no arguments, no set-up; prints the four-step tour, the same on every run. */
class DemoIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern REPLY = Pattern.compile(
      "(?s)HTTP/1\\.1 (\\d{3}) [^\\n]+\\n((?:[^\\n]+\\n)*)\\n(.*?)(?=\\n── |\\n\\nNext:)");

  @TempDir Path work;

  record Step(int status, String head, JsonNode body) {}

  @Test
  void runsWithNoArgumentsAndPrintsTheTour() throws IOException {
    Jar.Run run = Jar.run(work, "demo");

    assertThat(run.exitCode()).as(run.stderr()).isZero();
    List<Step> steps = new ArrayList<>();
    Matcher m = REPLY.matcher(run.stdout());
    while (m.find()) {
      steps.add(new Step(Integer.parseInt(m.group(1)), m.group(2), JSON.readTree(m.group(3))));
    }
    assertThat(steps).extracting(Step::status).containsExactly(200, 200, 200, 400);

    // 1 and 2: pages of 5 by -usageCount, both with the same total; page 2 continues page 1
    String total = header(steps.get(0), "X-Total-Count");
    assertThat(Integer.parseInt(total)).isGreaterThan(10);
    assertThat(header(steps.get(1), "X-Total-Count")).isEqualTo(total);
    List<Integer> counts = new ArrayList<>();
    List<String> ids = new ArrayList<>();
    for (int s = 0; s < 2; s++) {
      assertThat(steps.get(s).body()).hasSize(5);
      steps.get(s).body().forEach(row -> {
        counts.add(row.get("usageCount").asInt());
        ids.add(row.get("id").asText());
      });
    }
    assertThat(counts).isSortedAccordingTo((a, b) -> Integer.compare(b, a));
    assertThat(ids).doesNotHaveDuplicates();
    // 3: by displayName, case-insensitively; no count asked, so no total
    assertThat(header(steps.get(2), "X-Total-Count")).isNull();
    List<String> names = new ArrayList<>();
    steps.get(2).body().forEach(row -> names.add(row.path("displayName").asText(null)));
    assertThat(names).doesNotContainNull()
        .isSortedAccordingTo((a, b) -> a.toLowerCase(Locale.ROOT).compareTo(b.toLowerCase(Locale.ROOT)));
    // 4: one 400 with one cause per broken rule (limit, sorters, count)
    JsonNode error = steps.get(3).body();
    assertThat(error.get("detailCode").asText()).isEqualTo("400.1 Bad Request Content");
    assertThat(error.get("causes")).hasSize(3);
  }

  @Test
  void printsTheSameTourOnEveryRun() {
    Jar.Run first = Jar.run(work, "demo", "--store", "memory:");
    Jar.Run second = Jar.run(work, "demo", "--store", "memory:");

    assertThat(first.exitCode()).isZero();
    assertThat(stable(second.stdout())).isEqualTo(stable(first.stdout()));
  }

  /** The output without what legitimately changes: the load time and the error's trackingId. */
  private static String stable(String out) {
    return out.replaceAll("in [0-9.]+ s\\.", "in … s.").replaceAll("\"trackingId\": \"[0-9a-f]{32}\"", "…");
  }

  private static String header(Step step, String name) {
    for (String line : step.head().split("\n")) {
      int colon = line.indexOf(':');
      if (colon > 0 && line.substring(0, colon).equalsIgnoreCase(name)) {
        return line.substring(colon + 1).strip();
      }
    }
    return null;
  }
}
