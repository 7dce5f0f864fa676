package dev.roleusage.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** {@code demo}: generate, load, tour. */
@Command(name = "demo", mixinStandardHelpOptions = true, description = "A tour on generated data.")
final class DemoCommand implements Callable<Integer> {
  @Override
  public Integer call() {
    throw new CommandFailure("demo: not available in this build yet");
  }
}
