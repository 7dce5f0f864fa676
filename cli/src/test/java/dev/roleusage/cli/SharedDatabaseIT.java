package dev.roleusage.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code serve} on a PostgreSQL database that another process writes to. Found by a review: with
 * the cache on, an {@code import} by another process was never seen while the endpoint was being
 * polled (entries expired only after 10 idle minutes). Database stores now bound an entry's age.
 */
class SharedDatabaseIT {
  private static final String SCHEMA = "cli_shared_db_it";
  private static final String URL = PostgresSchema.storeUrl(SCHEMA);
  private static final String TARGET =
      "/role-mining-potential-roles/pr/sources/src/identityUsage?count=true";

  @TempDir
  Path work;

  @BeforeAll
  static void freshSchema() throws SQLException {
    PostgresSchema.recreate(SCHEMA);
  }

  @AfterAll
  static void dropSchema() throws SQLException {
    PostgresSchema.drop(SCHEMA);
  }

  private Path folder(String name, String memberships) throws IOException {
    Path dir = Files.createDirectories(work.resolve(name));
    Files.writeString(dir.resolve("sources.csv"), "id,name\nsrc,Source\n");
    Files.writeString(dir.resolve("memberships.csv"), "potentialRoleId,identityId\n" + memberships);
    return dir;
  }

  @Test
  void anImportByAnotherProcessShowsUpInServeWithTheCacheOn() throws Exception {
    assertThat(Jar.run(work, "import", "--store", URL, folder("first", "pr,id-a\n").toString()).exitCode())
        .isZero();
    try (ServedJar served = ServedJar.start(work, List.of("serve", "--port", "0", "--store", URL))) {
      Map<String, String> headers = Map.of("X-SailPoint-Experimental", "true");
      assertThat(RawHttp.get(served.port(), TARGET, headers).header("X-Total-Count")).isEqualTo("1");

      assertThat(Jar.run(work, "import", "--store", URL, folder("second", "pr,id-b\n").toString()).exitCode())
          .isZero();

      // Poll as a client would; the cache may lag another process's write by at most its
      // bound (5 s). The deadline is generous for a loaded 2-core machine; without the bound
      // the answer stays "1" for 10 idle minutes, i.e. forever while polled.
      long deadline = System.nanoTime() + 60_000_000_000L;
      String total = "1";
      while (!total.equals("2") && System.nanoTime() < deadline) {
        Thread.sleep(250);
        total = RawHttp.get(served.port(), TARGET, headers).header("X-Total-Count");
      }
      assertThat(total).as("X-Total-Count after another process imported a second member").isEqualTo("2");
    }
  }
}
