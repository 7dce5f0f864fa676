package dev.roleusage.dataset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.roleusage.contract.SharedFolder;
import dev.roleusage.model.ChangeSet;
import dev.roleusage.model.Identity;
import dev.roleusage.model.Membership;
import dev.roleusage.model.UsageDay;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DataSetFolderTest {
  @TempDir Path dir;

  private void write(String file, String content) throws IOException {
    Files.write(dir.resolve(file), content.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void readsEveryFileWithBomCrlfQuotesAndColumnsInAnyOrder() throws Exception {
    write("identities.csv", "\uFEFFemail,id,displayName\r\nada@x.test,id-1,\"Lovelace, Ada\"\r\n,id-2,\r\n");
    write("potentialRoles.csv", "name,id\nEmpty,pr-empty\n");
    write("sources.csv", "id\nsrc\n");
    write("memberships.csv", "identityId,potentialRoleId\nid-1,pr\nid-2,pr\n\n");
    write("usage.csv", "at,sourceId,identityId\n2025-06-30,src,id-1\n2025-06-30T23:30:00-02:00,src,id-1\n");

    DataSet data = DataSetFolder.read(dir, ZoneOffset.UTC);
    ChangeSet c = data.changes();
    assertThat(c.identities()).containsExactly(Identity.of("id-1", "Lovelace, Ada", "ada@x.test"), Identity.of("id-2", null, null));
    assertThat(c.potentialRoles()).extracting(r -> r.id() + "/" + r.name()).containsExactly("pr-empty/Empty");
    assertThat(c.sources()).extracting(s -> s.id()).containsExactly("src");
    assertThat(c.memberships()).containsExactly(Membership.of("pr", "id-1"), Membership.of("pr", "id-2"));
    // A date is that day; 2025-06-30T23:30-02:00 is 2025-07-01T01:30Z, so 07-01 in UTC.
    assertThat(c.usage()).containsExactly(
        UsageDay.of("id-1", "src", LocalDate.parse("2025-06-30")), UsageDay.of("id-1", "src", LocalDate.parse("2025-07-01")));
    assertThat(data.rowsPerFile()).containsExactly(Map.entry("identities.csv", 2L), Map.entry("potentialRoles.csv", 1L),
        Map.entry("sources.csv", 1L), Map.entry("memberships.csv", 2L), Map.entry("usage.csv", 2L));
    assertThat(data.totalRows()).isEqualTo(8);
    assertThat(data.warnings()).isEmpty();

    // In Los Angeles (UTC-7 in summer) the instant is 2025-06-30 18:30: the same day as the date.
    assertThat(DataSetFolder.read(dir, ZoneId.of("America/Los_Angeles")).changes().usage())
        .containsExactly(UsageDay.of("id-1", "src", LocalDate.parse("2025-06-30")));
  }

  @Test
  void unknownColumnsAreIgnoredWithAWarning() throws Exception {
    write("identities.csv", "id,displayName,department\nid-1,Ada,R&D\n");
    DataSet data = DataSetFolder.read(dir, ZoneOffset.UTC);
    assertThat(data.changes().identities()).containsExactly(Identity.of("id-1", "Ada", null));
    assertThat(data.warnings()).containsExactly("identities.csv: unknown column 'department' ignored");
  }

  @Test
  void aMissingRequiredColumnIsAnErrorAtLineOne() throws Exception {
    write("memberships.csv", "potentialRoleId,identity\npr,id-1\n");
    assertThatThrownBy(() -> DataSetFolder.read(dir, ZoneOffset.UTC))
        .isInstanceOfSatisfying(DataSetException.class, e -> {
          assertThat(e.getMessage()).isEqualTo("memberships.csv:1: required column 'identityId' is missing from the header");
          assertThat(e.line()).isEqualTo(1);
        });
  }

  @Test
  void aMalformedAtIsAnErrorNamingFileAndLine() throws Exception {
    write("usage.csv", "identityId,sourceId,at\nid-1,src,2025-06-30\nid-1,src,yesterday\n");
    assertThatThrownBy(() -> DataSetFolder.read(dir, ZoneOffset.UTC))
        .isInstanceOfSatisfying(DataSetException.class, e -> {
          assertThat(e.getMessage()).startsWith("usage.csv:3: at 'yesterday' is not");
          assertThat(e.line()).isEqualTo(3);
        });
    write("usage.csv", "identityId,sourceId,at\nid-1,src,2025-02-30\n");
    assertThatThrownBy(() -> DataSetFolder.read(dir, ZoneOffset.UTC))
        .isInstanceOfSatisfying(DataSetException.class, e -> assertThat(e.getMessage()).startsWith("usage.csv:2: at '2025-02-30'"));
    write("usage.csv", "identityId,sourceId,at\nid-1,src,2025-06-30T10:00:00\n");   // no offset: which zone?
    assertThatThrownBy(() -> DataSetFolder.read(dir, ZoneOffset.UTC))
        .isInstanceOfSatisfying(DataSetException.class, e -> assertThat(e.getMessage()).startsWith("usage.csv:2: at "));
  }

  @Test
  void badRowsNameFileAndLine() throws Exception {
    write("identities.csv", "id,displayName\nid-1,Ada\nid-2,Bob\nid-1,Ada again\n");
    assertThatThrownBy(() -> DataSetFolder.read(dir, ZoneOffset.UTC))
        .isInstanceOfSatisfying(DataSetException.class, e -> assertThat(e.getMessage())
            .isEqualTo("identities.csv:4: identity 'id-1': appears more than once in one change set"));
    write("identities.csv", "id,displayName\nid-1,Ada\nid-2\n");
    assertThatThrownBy(() -> DataSetFolder.read(dir, ZoneOffset.UTC))
        .isInstanceOfSatisfying(DataSetException.class, e -> assertThat(e.getMessage())
            .isEqualTo("identities.csv:3: expected 2 fields as in the header, found 1"));
    write("identities.csv", "id\n" + "x".repeat(129) + "\n");
    assertThatThrownBy(() -> DataSetFolder.read(dir, ZoneOffset.UTC))
        .isInstanceOfSatisfying(DataSetException.class, e -> assertThat(e.getMessage())
            .startsWith("identities.csv:2: identity '").contains("id is longer than 128"));
  }

  @Test
  void notADirectoryIsAnError() {
    assertThatThrownBy(() -> DataSetFolder.read(dir.resolve("missing"), ZoneOffset.UTC))
        .isInstanceOf(DataSetException.class).hasMessageContaining("not a directory");
  }

  /**
   * The real folders load with the counts their README states (datasets/README.md, "converted/"
   * and section 5; cases README for big-role-70k). Distinct usage days are the README's
   * "distinct (identity, source, UTC day) triples".
   */
  @Test
  void theSharedFoldersLoadWithTheirDocumentedCounts() throws Exception {
    // folder: identities, roles (declared or from memberships), memberships, sources, usage rows, distinct usage days
    Map<String, long[]> expected = Map.ofEntries(
        Map.entry("datasets/converted/lanl-redteam", new long[] {104, 1, 104, 301, 749, 516}),
        Map.entry("datasets/converted/git-jdbi", new long[] {202, 9, 650, 56, 12_944, 7_283}),
        Map.entry("datasets/converted/amazon-rolecode", new long[] {9_561, 343, 9_561, 1, 0, 0}),
        Map.entry("datasets/converted/hp-americas_large", new long[] {3_485, 398, 3_825, 1, 0, 0}),
        Map.entry("datasets/converted/hp-americas_small", new long[] {3_477, 178, 5_034, 1, 0, 0}),
        Map.entry("datasets/converted/hp-apj", new long[] {2_044, 453, 2_705, 1, 0, 0}),
        Map.entry("datasets/converted/hp-domino", new long[] {79, 20, 144, 1, 0, 0}),
        Map.entry("datasets/converted/hp-emea", new long[] {35, 34, 35, 1, 0, 0}),
        Map.entry("datasets/converted/hp-fire1", new long[] {365, 66, 874, 1, 0, 0}),
        Map.entry("datasets/converted/hp-fire2", new long[] {325, 10, 434, 1, 0, 0}),
        Map.entry("datasets/converted/hp-hc", new long[] {46, 14, 134, 1, 0, 0}),
        Map.entry("cases/data/big-role-70k", new long[] {70_000, 1, 70_000, 1, 10_000, -1}));
    for (Map.Entry<String, long[]> e : expected.entrySet()) {
      long[] want = e.getValue();
      DataSet data = DataSetFolder.read(SharedFolder.resolve(e.getKey()), ZoneOffset.UTC);
      ChangeSet c = data.changes();
      long roles = c.memberships().stream().map(Membership::potentialRoleId).collect(Collectors.toSet()).size();
      roles = Math.max(roles, c.potentialRoles().size());
      assertThat(new long[] {c.identities().size(), roles, data.rowsPerFile().getOrDefault("memberships.csv", 0L),
          c.sources().size(), data.rowsPerFile().getOrDefault("usage.csv", 0L)})
          .as(e.getKey()).containsExactly(want[0], want[1], want[2], want[3], want[4]);
      assertThat(c.memberships()).as(e.getKey()).hasSize((int) want[2]);
      if (want[5] >= 0) {
        assertThat(c.usage()).as(e.getKey()).hasSize((int) want[5]);
      }
      assertThat(data.warnings()).as(e.getKey()).isEmpty();
    }
  }
}
