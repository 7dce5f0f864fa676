package dev.roleusage.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A failed import into a persistent store (the default embedded H2 file) leaves the store as it was. */
class NothingKeptIT {
  @TempDir Path work;

  private Path folder(String name, String identities, String memberships, String usage) throws IOException {
    Path dir = Files.createDirectories(work.resolve(name));
    Files.writeString(dir.resolve("identities.csv"), identities, StandardCharsets.UTF_8);
    Files.writeString(dir.resolve("memberships.csv"), memberships, StandardCharsets.UTF_8);
    Files.writeString(dir.resolve("usage.csv"), usage, StandardCharsets.UTF_8);
    return dir;
  }

  @Test
  void aFailedImportKeepsNothingOfItsFolders() throws IOException {
    Path good = folder("good", "id,displayName,email\nid-a,Ann,ann@example.test\n",
        "potentialRoleId,identityId\npr,id-a\n", "identityId,sourceId,at\nid-a,src,2026-01-09T05:29:16Z\n");
    // valid identities and memberships, then a bad usage row: none of it may reach the store
    Path bad = folder("bad", "id,displayName,email\nid-a,Ann Changed,\nid-b,Bo,\n",
        "potentialRoleId,identityId\npr,id-b\npr-b,id-b\n",
        "identityId,sourceId,at\nid-b,src,2026-01-09\nid-b,src,2026-01-09T25:00:00Z\n");

    Jar.Run first = Jar.run(work, "import", good.toString()); // the default store: ./roleusage-data/
    assertThat(first.exitCode()).as(first.stderr()).isZero();
    assertThat(work.resolve("roleusage-data")).isDirectory();
    String before = Jar.run(work, "query", "pr", "src", "--count", "--as-of", "2026-01-10", "-i").stdout();

    Jar.Run failed = Jar.run(work, "import", bad.toString());
    assertThat(failed.exitCode()).isEqualTo(1);
    assertThat(failed.stderrLines()).singleElement().asString().startsWith(bad.resolve("usage.csv") + ":3: ");

    Jar.Run after = Jar.run(work, "query", "pr", "src", "--count", "--as-of", "2026-01-10", "-i");
    assertThat(after.stdout()).isEqualTo(before)
        .contains("X-Total-Count: 1")
        .contains("{\"id\":\"id-a\",\"displayName\":\"Ann\",\"email\":\"ann@example.test\",\"usageCount\":1}");
    Jar.Run roleB = Jar.run(work, "query", "pr-b", "src", "--as-of", "2026-01-10");
    assertThat(roleB.exitCode()).as("pr-b was never created").isEqualTo(1);
    assertThat(roleB.stdout()).contains("404 Not found");
  }
}
