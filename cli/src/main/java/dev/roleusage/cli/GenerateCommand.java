package dev.roleusage.cli;

import dev.roleusage.dataset.DataSetFolder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code generate DIR}: writes a synthetic data-set folder; same options and seed, same bytes. */
@Command(name = "generate", mixinStandardHelpOptions = true, sortOptions = false,
    description = {"Write a synthetic data-set folder at any scale, for benchmarks and demos: a few heavy"
        + " users, many light ones, some who never use anything; international names (accents, mixed case,"
        + " some supplementary characters), some missing display names and e-mails.",
        "Deterministic: the same options and --seed give byte-identical files."},
    footer = {"", "Example:",
        "  roleusage generate /tmp/big --identities 100000 --roles 200 --sources 50 --seed 7",
        "  roleusage query role-001 src-001 --load /tmp/big --store memory: --as-of 2026-01-31 --count"})
final class GenerateCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(paramLabel = "DIR", description = "Folder to write (created if missing).")
  Path dir;

  @Option(names = "--identities", paramLabel = "N", defaultValue = "1000", description = "Identities (default ${DEFAULT-VALUE}).")
  int identities;

  @Option(names = "--roles", paramLabel = "R", defaultValue = "20", description = "Potential roles (default ${DEFAULT-VALUE}).")
  int roles;

  @Option(names = "--sources", paramLabel = "S", defaultValue = "10", description = "Sources (default ${DEFAULT-VALUE}).")
  int sources;

  @Option(names = "--seed", paramLabel = "X", defaultValue = "1", description = "Random seed (default ${DEFAULT-VALUE}).")
  long seed;

  @Option(names = "--days", paramLabel = "D", defaultValue = "120",
      description = "Days of usage, ending --until (default ${DEFAULT-VALUE}; more than 90 so some usage falls"
          + " outside the window).")
  int days;

  @Option(names = "--until", paramLabel = "DATE", defaultValue = "2026-01-31", converter = Converters.Day.class,
      description = "Last day with usage (default ${DEFAULT-VALUE}); query with --as-of this date.")
  LocalDate until;

  @Option(names = "--force", description = "Overwrite a data set already in DIR.")
  boolean force;

  @Override
  public Integer call() throws IOException {
    check(identities >= 1, "--identities must be at least 1, but was " + identities);
    check(roles >= 1, "--roles must be at least 1, but was " + roles);
    check(sources >= 1, "--sources must be at least 1, but was " + sources);
    check(days >= 1 && days <= 36_500, "--days must be between 1 and 36500, but was " + days);
    if (!force) {
      for (String file : DataSetFolder.FILES) {
        if (Files.exists(dir.resolve(file))) {
          throw new CommandFailure(dir.resolve(file) + ": already exists; use --force to overwrite");
        }
      }
    }
    long start = System.nanoTime();
    Map<String, Long> rows = new SyntheticDataSet(identities, roles, sources, seed, days, until).write(dir);
    System.out.println("wrote " + dir + " (seed " + seed + ", usage " + until.minusDays(days - 1L) + ".." + until + ")");
    rows.forEach((file, n) -> System.out.println("  " + file + ": " + n + " rows"));
    System.out.println(String.format(java.util.Locale.ROOT, "  in %.2f s", (System.nanoTime() - start) / 1e9));
    return 0;
  }

  private void check(boolean ok, String message) {
    if (!ok) {
      throw new CommandLine.ParameterException(spec.commandLine(), message);
    }
  }
}
