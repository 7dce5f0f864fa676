package dev.roleusage.cli;

import dev.roleusage.http.Authorizer;
import dev.roleusage.http.IdentityUsageEndpoint;
import dev.roleusage.http.LocalServer;
import dev.roleusage.http.RateLimit;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code serve}: the endpoint over HTTP on 127.0.0.1 with the JDK's HTTP server, until SIGINT or
 * SIGTERM. The first stdout line is {@code listening on http://127.0.0.1:<port>}, for scripts.
 */
@Command(name = "serve", mixinStandardHelpOptions = true, sortOptions = false,
    description = {"Serve the endpoint on 127.0.0.1 until Ctrl-C / SIGTERM. The first line on stdout is"
        + " 'listening on http://127.0.0.1:<port>'.",
        "Without --token every request reads the --tenant tenant, with no authentication. With tokens,"
            + " 'Authorization: Bearer SECRET' selects the tenant and scopes; no or an unknown token is a"
            + " 401, a token without iai:access-modeling:read or :manage a 403."},
    footer = {"", "Examples:",
        "  roleusage serve --port 8080 --load ../shared/datasets/converted/git-jdbi --store memory:"
            + " --as-of 2018-11-03T23:59:59Z",
        "  curl -H 'X-SailPoint-Experimental: true' \\",
        "    'http://127.0.0.1:8080/v2025/role-mining-potential-roles/module-core/sources/core/identityUsage"
            + "?sorters=-usageCount&limit=5&count=true'",
        "  roleusage serve --token s3cret=acme:iai:access-modeling:read --token other=globex:iai:access-modeling:read"})
final class ServeCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--port", paramLabel = "N", defaultValue = "8080",
      description = "TCP port on 127.0.0.1; 0 picks a free one. Default: ${DEFAULT-VALUE}.")
  int port;

  @Option(names = "--token", paramLabel = "SECRET=TENANT[:SCOPE,…]", converter = BearerTokens.TokenConverter.class,
      description = "Accept 'Authorization: Bearer SECRET' as a caller of TENANT with these scopes (repeatable).")
  List<BearerTokens.Token> tokens = new ArrayList<>();

  @Option(names = "--rate-limit", paramLabel = "N/SECONDS", converter = RateLimits.class,
      description = "Requests per caller in a sliding window, e.g. 100/10 (the default, SailPoint's), or none.")
  RateLimit rateLimit = RateLimit.sailPointDefault();

  @Mixin StoreOptions options;

  @Override
  public Integer call() throws InterruptedException {
    if (port < 0 || port > 65535) {
      throw new CommandLine.ParameterException(spec.commandLine(),
          "--port must be between 0 and 65535, but was " + port);
    }
    BearerTokens bearer = tokens.isEmpty() ? null : BearerTokens.of(tokens, spec.commandLine());
    Session session = Session.open(options, null);
    IdentityUsageEndpoint.Builder endpoint = IdentityUsageEndpoint.builder(session.engine()).rateLimit(rateLimit);
    if (bearer == null) {
      endpoint.defaultTenant(session.tenant());
    } else {
      endpoint.authenticator(bearer).authorizer(Authorizer.specScopes());
    }
    LocalServer server;
    try {
      server = LocalServer.start(endpoint.build(), port);
    } catch (UncheckedIOException e) {
      session.close();
      throw new CommandFailure("cannot listen on 127.0.0.1:" + port + ": "
          + RoleUsageCommand.oneLine(String.valueOf(e.getCause().getMessage())));
    }
    System.out.println("listening on http://127.0.0.1:" + server.port());
    System.out.flush();
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      server.close();
      session.close();
      System.err.println("roleusage: stopped");
      stopped.countDown();
    }, "roleusage-stop"));
    stopped.await();
    return 0;
  }
}
