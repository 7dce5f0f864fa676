package dev.roleusage.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A malformed data-set folder: one line {@code file:line: reason} on stderr, exit 1, nothing kept. */
class MalformedDataIT {
  @TempDir Path work;

  private Path folder(String name, String identities, String memberships, String usage) throws IOException {
    Path dir = Files.createDirectories(work.resolve(name));
    Files.writeString(dir.resolve("identities.csv"), identities, StandardCharsets.UTF_8);
    Files.writeString(dir.resolve("memberships.csv"), memberships, StandardCharsets.UTF_8);
    Files.writeString(dir.resolve("usage.csv"), usage, StandardCharsets.UTF_8);
    return dir;
  }

  private Path good() throws IOException {
    return folder("good", "id,displayName,email\nid-a,Ann,ann@example.test\n",
        "potentialRoleId,identityId\npr,id-a\n",
        "identityId,sourceId,at\nid-a,src,2026-01-09T05:29:16Z\n");
  }

  @Test
  void aBadAtNamesTheFileAndLine() throws IOException {
    Path bad = folder("bad", "id,displayName,email\nid-b,Bo,\n", "potentialRoleId,identityId\npr,id-b\n",
        "identityId,sourceId,at\nid-b,src,2026-01-09\nid-b,src,yesterday\n");

    Jar.Run run = Jar.run(work, "import", bad.toString(), "--store", "memory:");

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.stdout()).isEmpty();
    assertThat(run.stderrLines()).singleElement().asString()
        .startsWith(bad.resolve("usage.csv") + ":3: ")
        .contains("yesterday");
  }

  @Test
  void aMissingRequiredColumnNamesTheHeaderLine() throws IOException {
    Path bad = folder("bad", "id,displayName,email\nid-b,Bo,\n", "potentialRoleId,identityId\npr,id-b\n",
        "identityId,sourceId\nid-b,src\n");

    Jar.Run run = Jar.run(work, "import", bad.toString(), "--store", "memory:");

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.stderrLines()).singleElement().asString()
        .startsWith(bad.resolve("usage.csv") + ":1: ")
        .contains("'at'");
  }

  @Test
  void aByteOrderMarkIsAcceptedAndAnUnknownColumnIsIgnoredWithAWarning() throws IOException {
    Path dir = folder("bom", "\uFEFFid,displayName,email,department\nid-a,Ann,,Finance\n",
        "\uFEFFpotentialRoleId,identityId\npr,id-a\n", "identityId,sourceId,at\nid-a,src,2026-01-09\n");

    Jar.Run run = Jar.run(work, "query", "pr", "src", "--store", "memory:", "--load", dir.toString(),
        "--as-of", "2026-01-10");

    assertThat(run.exitCode()).as(run.stderr()).isZero();
    assertThat(run.stderrLines()).singleElement().asString()
        .isEqualTo("warning: " + dir.resolve("identities.csv") + ": unknown column 'department' ignored");
    // the BOM is not part of the first column's name, the empty e-mail is omitted
    assertThat(run.stdout()).isEqualTo("[{\"id\":\"id-a\",\"displayName\":\"Ann\",\"usageCount\":1}]");
  }

  @Test
  void aQueryWhoseLoadFailsPrintsNoBody() throws IOException {
    Path bad = folder("bad", "id,displayName,email\nid-b,Bo,\n", "potentialRoleId,identityId\npr,id-b\n",
        "identityId,sourceId,at\nid-b,src,2026-13-01\n");

    Jar.Run run = Jar.run(work, "query", "pr", "src", "--store", "memory:", "--load", good().toString(),
        "--load", bad.toString(), "--as-of", "2026-01-10");

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.stdout()).isEmpty();
    assertThat(run.stderrLines()).singleElement().asString().startsWith(bad.resolve("usage.csv") + ":2: ");
  }
}
