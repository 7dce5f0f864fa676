package dev.roleusage.cli;

/**
 * Whether stdout / stderr are terminals. The launcher knows exactly ({@code test -t}) and says so
 * with {@code -Droleusage.stdout.tty} / {@code -Droleusage.stderr.tty}; without it (plain
 * {@code java -jar}) {@link System#console()} is the best guess Java 17 offers.
 */
final class Terminal {
  private Terminal() {}

  /** Pretty-print JSON only for a person; pipes and files get the endpoint's exact bytes. */
  static boolean stdoutIsTerminal() {
    return flag("roleusage.stdout.tty");
  }

  /** Progress lines only for a person watching; logs and pipes stay clean. */
  static boolean stderrIsTerminal() {
    return flag("roleusage.stderr.tty");
  }

  private static boolean flag(String property) {
    String v = System.getProperty(property);
    if (v != null) {
      return Boolean.parseBoolean(v);
    }
    return System.console() != null;
  }
}
