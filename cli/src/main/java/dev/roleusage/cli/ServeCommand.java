package dev.roleusage.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code serve}: the endpoint over HTTP on 127.0.0.1. */
@Command(name = "serve", mixinStandardHelpOptions = true, description = "Serve the endpoint on 127.0.0.1.")
final class ServeCommand implements Callable<Integer> {
  @Mixin StoreOptions options;

  @Override
  public Integer call() {
    throw new CommandFailure("serve: the HTTP facade (module http) is not available in this build yet");
  }
}
