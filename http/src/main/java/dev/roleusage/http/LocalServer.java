package dev.roleusage.http;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An {@link IdentityUsageEndpoint} served by the JDK's HTTP server on the loopback interface, for
 * tests, demos and the CLI. Not a production server (no TLS); hosts mount the endpoint in their own.
 *
 * <pre>{@code
 * try (LocalServer server = LocalServer.start(endpoint, 0)) {   // 0 = any free port
 *   URI base = server.baseUri();                                // http://127.0.0.1:54321
 * }
 * }</pre>
 */
public final class LocalServer implements AutoCloseable {
  private final HttpServer server;
  private final ExecutorService executor;

  private LocalServer(HttpServer server, ExecutorService executor) {
    this.server = server;
    this.executor = executor;
  }

  /** Serves {@code endpoint} at {@code http://127.0.0.1:port/}; port 0 picks a free one. */
  public static LocalServer start(IdentityUsageEndpoint endpoint, int port) {
    Objects.requireNonNull(endpoint, "endpoint");
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("port must be between 0 and 65535 but was " + port);
    }
    HttpServer server;
    try {
      server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot listen on 127.0.0.1:" + port, e);
    }
    AtomicInteger n = new AtomicInteger();
    ExecutorService executor = Executors.newFixedThreadPool(4, r -> {
      Thread t = new Thread(r, "roleusage-http-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    });
    server.createContext("/", endpoint.asJdkHandler());
    server.setExecutor(executor);
    server.start();
    return new LocalServer(server, executor);
  }

  /** The port actually bound. */
  public int port() {
    return server.getAddress().getPort();
  }

  /** {@code http://127.0.0.1:<port>} without a trailing slash. */
  public URI baseUri() {
    return URI.create("http://" + server.getAddress().getAddress().getHostAddress() + ":" + port());
  }

  /** Stops accepting requests and releases the port and threads. */
  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }
}
