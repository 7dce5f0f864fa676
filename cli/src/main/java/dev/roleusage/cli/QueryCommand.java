package dev.roleusage.cli;

import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code query ROLE SOURCE}: the friendly form of one request. Builds the target from the options,
 * sends it to the endpoint in-process (with {@code X-SailPoint-Experimental: true}) and prints the
 * body exactly as the endpoint returned it.
 */
@Command(name = "query", mixinStandardHelpOptions = true, sortOptions = false,
    description = {"Ask for the identity usage of one potential role and source and print the JSON body"
        + " the endpoint returns (re-indented on a terminal, the exact bytes otherwise).",
        "Values are passed to the endpoint as given, so an invalid one gets the endpoint's 400 body"
            + " (exit 1)."},
    footer = {"", "Example:",
        "  roleusage query redteam C2388 --load ../shared/datasets/converted/lanl-redteam --store memory: \\",
        "      --as-of 2026-01-30T23:00:00Z --sorters=-usageCount --count -i",
        "", "Exit codes: 0 the endpoint answered 2xx, 1 it answered an error (body printed) or the data"
            + " failed, 2 wrong usage."})
final class QueryCommand implements Callable<Integer> {
  @Parameters(index = "0", paramLabel = "ROLE", description = "Potential role id.")
  String role;

  @Parameters(index = "1", paramLabel = "SOURCE", description = "Source id.")
  String source;

  @Option(names = "--sorters", paramLabel = "S",
      description = "Comma-separated displayName, email, usageCount, each optionally prefixed by - (descending).")
  String sorters;

  @Option(names = "--offset", paramLabel = "N", description = "First row (default 0).")
  String offset;

  @Option(names = "--limit", paramLabel = "N", description = "Rows per page, 0..250 (default 250).")
  String limit;

  @Option(names = "--count", description = "Ask for X-Total-Count (the role's member count).")
  boolean count;

  @Option(names = {"-i", "--include"}, description = "Print the status line and headers before the body.")
  boolean include;

  @Mixin StoreOptions options;

  @Override
  public Integer call() {
    String target = Target.of(role, source, sorters, offset, limit, count);
    try (Session session = Session.open(options, null)) {
      HttpReply reply = Endpoint.of(session).get(target, List.of(Map.entry("X-SailPoint-Experimental", "true")));
      reply.print(System.out, include, Terminal.stdoutIsTerminal());
      return reply.isSuccess() ? 0 : 1;
    }
  }
}
