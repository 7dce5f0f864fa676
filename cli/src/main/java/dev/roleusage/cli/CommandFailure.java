package dev.roleusage.cli;

/**
 * A failure the user can act on (bad data, an unreachable store), reported as one line on stderr
 * with exit code 1. Its message is the whole report, e.g. {@code usage.csv:12: reason}.
 */
final class CommandFailure extends RuntimeException {
  private static final long serialVersionUID = 1L;

  CommandFailure(String message) {
    super(message);
  }

  CommandFailure(String message, Throwable cause) {
    super(message, cause);
  }
}
