package dev.roleusage.cli;

import dev.roleusage.model.TenantId;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code demo}: no arguments, no set-up. Generates a data set with a fixed seed into a temporary
 * folder, loads it into an embedded H2 database there, and shows the endpoint's answers: a first
 * page by {@code -usageCount} with {@code X-Total-Count}, the next page, a re-sort by
 * {@code displayName}, and a rejected request. The clock is fixed, so the answers are the same on
 * every run (except an error's trackingId). The temporary folder is removed afterwards.
 */
@Command(name = "demo", mixinStandardHelpOptions = true, sortOptions = false,
    description = {"A two-minute tour with nothing to set up: generates a demo data set (fixed seed), loads it"
        + " into an embedded H2 database in a temporary folder, and shows the endpoint's answers: a first page"
        + " by -usageCount with X-Total-Count, the next page, a re-sort by displayName, and a rejected request."})
final class DemoCommand implements Callable<Integer> {
  static final long SEED = 2026;
  static final int IDENTITIES = 1000;
  static final int ROLES = 10;
  static final int SOURCES = 8;
  static final int DAYS = 120;
  static final LocalDate UNTIL = LocalDate.of(2026, 1, 31);
  private static final String EXPERIMENTAL = "X-SailPoint-Experimental";

  @Option(names = "--store", paramLabel = "URL", converter = StoreUrl.Converter.class,
      description = "Use this store instead of a temporary H2 database (e.g. memory:).")
  StoreUrl store;

  @Option(names = "--keep", description = "Keep the temporary folder (data set and database) and print its path.")
  boolean keep;

  @Override
  public Integer call() throws IOException {
    PrintStream out = System.out;
    Path tmp = Files.createTempDirectory("roleusage-demo-");
    try {
      Path data = tmp.resolve("data");
      long start = System.nanoTime();
      Map<String, Long> rows = new SyntheticDataSet(IDENTITIES, ROLES, SOURCES, SEED, DAYS, UNTIL).write(data);
      StoreUrl url = store != null ? store
          : new StoreUrl("jdbc:h2:file:" + tmp.resolve("h2").resolve("roleusage").toAbsolutePath());
      Clock clock = Clock.fixed(UNTIL.atTime(LocalTime.NOON).toInstant(ZoneOffset.UTC), ZoneOffset.UTC);
      try (Session session = Session.open(url, TenantId.of("demo"), ZoneOffset.UTC, clock, false, List.of(data),
          null)) {
        double seconds = (System.nanoTime() - start) / 1e9;
        out.println("roleusage demo");
        out.println();
        out.println(String.format(Locale.ROOT, "Generated %d identities in %d potential roles using %d sources"
            + " (%d usage rows, seed %d) and loaded them into %s in %.1f s.", IDENTITIES, ROLES, SOURCES,
            rows.get("usage.csv"), SEED, url.isMemory() ? "memory" : store != null ? url.shown()
                : "an embedded H2 database", seconds));
        out.println("The clock is fixed at " + UNTIL + " (--as-of), so the 90-day window is "
            + UNTIL.minusDays(89) + " .. " + UNTIL + ".");
        out.println("Each step shows the command, the request it sends, and the endpoint's answer.");
        Endpoint endpoint = Endpoint.of(session);
        String role = SyntheticDataSet.roleId(1, ROLES);
        String source = SyntheticDataSet.sourceId(1, SOURCES);

        step(out, endpoint, "1. Who used " + source + " most among the members of " + role
                + "? First page of 5, with the total (X-Total-Count).",
            "roleusage query " + role + " " + source + " --sorters=-usageCount --limit 5 --count -i",
            Target.of(role, source, "-usageCount", null, "5", true));
        step(out, endpoint, "2. The next page: offset=5.",
            "roleusage query " + role + " " + source + " --sorters=-usageCount --offset 5 --limit 5 --count -i",
            Target.of(role, source, "-usageCount", "5", "5", true));
        step(out, endpoint, "3. Re-sorted by displayName: case-insensitive, by code point, missing names last;"
                + " ties by id.",
            "roleusage query " + role + " " + source + " --sorters=displayName --limit 5 -i",
            Target.of(role, source, "displayName", null, "5", false));
        String bad = "/v2025" + Target.PATH_PREFIX + role + "/sources/" + source
            + "/identityUsage?limit=500&sorters=-usageCount,name&count=maybe";
        step(out, endpoint, "4. A rejected request: limit above 250, an unknown sorter, count neither true nor"
                + " false. One 400 with a cause per broken rule.",
            "roleusage request -H '" + EXPERIMENTAL + ": true' '" + bad + "'", bad);

        out.println();
        out.println("Next:");
        out.println("  roleusage generate demo-data --seed " + SEED + " --identities " + IDENTITIES + " --roles "
            + ROLES + " --sources " + SOURCES + "    # the same data set as files");
        out.println("  roleusage serve --port 8080 --store memory: --load demo-data --as-of " + UNTIL);
        out.println("  curl -H '" + EXPERIMENTAL + ": true' 'http://127.0.0.1:8080" + Target.of(role, source,
            "-usageCount", null, "3", true) + "'");
        out.println("  roleusage --help    # every command; cli/README.md has the data-set format");
        if (keep) {
          out.println();
          out.println("Kept " + tmp + " (data/ and the database).");
        }
        out.flush();
      }
    } finally {
      if (!keep) {
        deleteRecursively(tmp);
      }
    }
    return 0;
  }

  private static void step(PrintStream out, Endpoint endpoint, String title, String command, String target) {
    out.println();
    out.println("── " + title);
    out.println("$ " + command);
    out.println("  (GET " + target + ", " + EXPERIMENTAL + ": true)");
    out.println();
    HttpReply reply = endpoint.get(target, List.of(Map.entry(EXPERIMENTAL, "true")));
    reply.print(out, true, true);
  }

  private static void deleteRecursively(Path dir) {
    try (Stream<Path> all = Files.walk(dir)) {
      for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    } catch (IOException e) {
      System.err.println("roleusage: could not remove " + dir + ": " + e.getMessage());
    }
  }
}
