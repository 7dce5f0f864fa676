package dev.roleusage.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Wrong usage: exit 2, exactly one line on stderr that names the problem, nothing on stdout. */
class UsageErrorIT {
  @TempDir Path work;

  @ParameterizedTest(name = "[{index}] roleusage {0}")
  @CsvSource(delimiter = '|', value = {
      "''                                              | command is required",
      "frobnicate                                      | frobnicate",
      "query                                           | ROLE",
      "query a b c                                     | c",
      "query a b --bogus                               | --bogus",
      "query a b --store foo:bar                       | foo:bar",
      "query a b --zone Mars/Olympus                   | Mars/Olympus",
      "query a b --as-of yesterday                     | yesterday",
      "query a b --tenant <empty>                      | tenant",
      "import                                          | DIR",
      "generate                                        | DIR",
      "generate out --identities 0                     | --identities",
      "generate out --seed x                           | --seed",
      "serve --port -5                                 | --port",
  })
  void wrongUsageExitsTwoWithOneLine(String args, String named) {
    String[] argv = args.isEmpty() ? new String[0] : args.split(" ");
    for (int i = 0; i < argv.length; i++) {
      if (argv[i].equals("<empty>")) {
        argv[i] = "";
      }
    }

    Jar.Run run = Jar.run(work, argv);

    assertThat(run.exitCode()).as(run.stderr()).isEqualTo(2);
    assertThat(run.stdout()).isEmpty();
    assertThat(run.stderrLines()).singleElement().asString().contains(named);
  }
}
