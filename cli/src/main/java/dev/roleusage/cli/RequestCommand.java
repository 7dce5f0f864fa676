package dev.roleusage.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code request TARGET}: the raw form; sends exactly the target and the headers given. */
@Command(name = "request", mixinStandardHelpOptions = true, sortOptions = false,
    description = {"Send one raw request to the endpoint in-process: TARGET is the path with its query string"
        + " exactly as on the wire, and only the headers given with -H are sent (none by default, so add"
        + " -H 'X-SailPoint-Experimental: true' outside /beta).",
        "Prints HTTP/1.1 <code> <reason>, the headers, a blank line and the body (re-indented on a"
            + " terminal). Exit 0 whatever the HTTP status."},
    footer = {"", "Example:",
        "  roleusage request --store memory: --load ../shared/datasets/converted/lanl-redteam \\",
        "      --as-of 2026-01-30 -H 'X-SailPoint-Experimental: true' \\",
        "      '/v2025/role-mining-potential-roles/redteam/sources/C754/identityUsage?limit=251&sorters=nme'"})
final class RequestCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(paramLabel = "TARGET", description = "Path and query string, e.g."
      + " /v2025/role-mining-potential-roles/R/sources/S/identityUsage?count=true")
  String target;

  @Option(names = {"-H", "--header"}, paramLabel = "'Name: value'", description = "A request header (repeatable).")
  List<String> headers = new ArrayList<>();

  @Mixin StoreOptions options;

  @Override
  public Integer call() {
    if (!target.startsWith("/")) {
      throw new CommandLine.ParameterException(spec.commandLine(),
          "TARGET must be a path starting with /, but was '" + target + "'");
    }
    List<Map.Entry<String, String>> parsed = new ArrayList<>();
    for (String h : headers) {
      int colon = h.indexOf(':');
      if (colon <= 0) {
        throw new CommandLine.ParameterException(spec.commandLine(),
            "-H must be 'Name: value', but was '" + h + "'");
      }
      parsed.add(Map.entry(h.substring(0, colon).strip(), h.substring(colon + 1).strip()));
    }
    try (Session session = Session.open(options, null)) {
      HttpReply reply = Endpoint.of(session).get(target, parsed);
      reply.print(System.out, true, Terminal.stdoutIsTerminal());
      return 0;
    }
  }
}
