package dev.roleusage.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** The top-level {@code roleusage} command: only subcommands and {@code --help}. */
@Command(
    name = "roleusage",
    mixinStandardHelpOptions = true,
    versionProvider = Version.class,
    sortOptions = false,
    description = {
        "Answers SailPoint ISC's potential-role source identity usage (for each identity of a potential"
            + " role, on how many of the last 90 days it used a source) from data you load.",
        "",
        "Start with: roleusage demo"},
    subcommands = {
        DemoCommand.class,
        ImportCommand.class,
        QueryCommand.class,
        RequestCommand.class,
        ServeCommand.class,
        GenerateCommand.class,
        CommandLine.HelpCommand.class},
    footer = {"", "Exit codes: 0 done, 1 data/store/request failure, 2 wrong usage."})
final class RoleUsageCommand implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "a command is required (demo, import, query, "
        + "request, serve, generate)");
  }

  /** The configured command line: one-line usage errors (exit 2), one-line failures (exit 1). */
  static CommandLine commandLine() {
    CommandLine cl = new CommandLine(new RoleUsageCommand());
    cl.setOut(new PrintWriter(System.out, true));
    cl.setErr(new PrintWriter(System.err, true));
    cl.setParameterExceptionHandler(RoleUsageCommand::usageError);
    cl.setExecutionExceptionHandler(RoleUsageCommand::failure);
    cl.setUsageHelpWidth(110); // URLs and examples stay on one line
    return cl;
  }

  /** Wrong usage: one line on stderr naming the problem, exit 2 (no usage dump). */
  private static int usageError(CommandLine.ParameterException e, String[] args) {
    CommandLine cl = e.getCommandLine();
    String name = cl.getCommandSpec().qualifiedName();
    cl.getErr().println(name + ": " + oneLine(e.getMessage()) + " (see '" + name + " --help')");
    cl.getErr().flush();
    return CommandLine.ExitCode.USAGE;
  }

  /** A failure while running: one line on stderr, exit 1. Stack traces only with -Droleusage.debug. */
  private static int failure(Exception e, CommandLine cl, CommandLine.ParseResult parsed) {
    if (e instanceof CommandLine.ParameterException pe) {
      return usageError(pe, new String[0]);
    }
    // A CommandFailure's message is the whole report (file:line: reason); anything else is a bug
    // or an environment problem, named by its type so that it can be reported.
    String message = e instanceof CommandFailure ? e.getMessage()
        : "roleusage: " + e.getClass().getSimpleName() + ": " + e.getMessage();
    cl.getErr().println(oneLine(message));
    if (Boolean.getBoolean("roleusage.debug")) {
      e.printStackTrace(cl.getErr());
    }
    cl.getErr().flush();
    return CommandLine.ExitCode.SOFTWARE;
  }

  static String oneLine(String message) {
    if (message == null) {
      return "failed";
    }
    String trimmed = message.strip();
    int nl = trimmed.indexOf('\n');
    return nl < 0 ? trimmed : trimmed.substring(0, nl).strip();
  }
}
