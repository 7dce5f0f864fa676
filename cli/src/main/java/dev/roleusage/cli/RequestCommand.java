package dev.roleusage.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code request TARGET}: the raw form; sends exactly the target and headers given. */
@Command(name = "request", mixinStandardHelpOptions = true, sortOptions = false,
    description = {"Send one raw request to the endpoint in-process: TARGET is the path with its query string"
        + " exactly as on the wire, and only the headers given with -H are sent.",
        "Prints HTTP/1.1 <code> <reason>, the headers, a blank line and the body. Exit 0 whatever the status."})
final class RequestCommand implements Callable<Integer> {
  @Parameters(paramLabel = "TARGET") String target;

  @Option(names = {"-H", "--header"}, paramLabel = "'Name: value'") List<String> headers = new ArrayList<>();

  @Mixin StoreOptions options;

  @Override
  public Integer call() {
    throw new CommandFailure("request: the HTTP facade (module http) is not available in this build yet");
  }
}
