package dev.roleusage.cli;

import picocli.CommandLine;

/**
 * Entry point of {@code roleusage.jar}: {@code java -jar roleusage.jar <command> [options]}.
 *
 * <p>Exit codes: 0 done; 1 the data, the store or a request failed (a one-line reason on stderr,
 * e.g. {@code usage.csv:12: reason}); 2 wrong usage (a one-line reason on stderr).
 */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    int code = run(args);
    System.out.flush();
    System.exit(code);
  }

  /** Runs the command line and returns the exit code, without exiting. */
  static int run(String... args) {
    return RoleUsageCommand.commandLine().execute(args);
  }
}
