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
    // Library logs (the endpoint's 500s, connection pools) go to stderr, warnings and up only, so
    // stdout stays exactly the command's output. -Dorg.slf4j.simpleLogger.defaultLogLevel=info overrides.
    defaultProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
    defaultProperty("org.slf4j.simpleLogger.logFile", "System.err");
    defaultProperty("org.slf4j.simpleLogger.showDateTime", "true");
    int code = run(args);
    System.out.flush();
    System.exit(code);
  }

  private static void defaultProperty(String name, String value) {
    if (System.getProperty(name) == null) {
      System.setProperty(name, value);
    }
  }

  /** Runs the command line and returns the exit code, without exiting. */
  static int run(String... args) {
    return RoleUsageCommand.commandLine().execute(args);
  }
}
