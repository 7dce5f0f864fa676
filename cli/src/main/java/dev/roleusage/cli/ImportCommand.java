package dev.roleusage.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code import DIR…}: loads data-set folders into {@code --store} and says what was loaded. */
@Command(name = "import", mixinStandardHelpOptions = true, sortOptions = false,
    description = {"Load data-set folders into --store and print what was loaded (rows per file, time).",
        "Every folder is read and checked before any is written; a malformed row prints"
            + " file:line: reason, exits 1 and keeps nothing of the load."},
    footer = {"", "Example:", "  roleusage import ../shared/datasets/converted/lanl-redteam --tenant acme"})
final class ImportCommand implements Callable<Integer> {
  @Parameters(paramLabel = "DIR", arity = "1..*", description = "Data-set folders (see cli/README.md).")
  List<Path> dirs = new ArrayList<>();

  @Mixin StoreOptions options;

  @Override
  public Integer call() {
    List<Path> all = new ArrayList<>(options.load);
    all.addAll(dirs);
    options.load = all;
    try (Session session = Session.open(options, System.out)) {
      System.out.flush();
      return 0;
    }
  }
}
