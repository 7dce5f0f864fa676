package dev.roleusage.http;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Objects;

/**
 * Serves an {@link IdentityUsageEndpoint} from the JDK's {@code com.sun.net.httpserver.HttpServer}.
 * The path given to the endpoint is the request path with the context's path removed, so the
 * handler can be mounted at {@code "/"} or under a prefix such as {@code "/api"}.
 */
public final class JdkHttpHandler implements HttpHandler {
  /** Request bodies are not part of this GET operation; at most this much is drained. */
  private static final int MAX_DRAINED_BODY = 64 * 1024;

  private final IdentityUsageEndpoint endpoint;

  public JdkHttpHandler(IdentityUsageEndpoint endpoint) {
    this.endpoint = Objects.requireNonNull(endpoint, "endpoint");
  }

  @Override
  public void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      try (InputStream body = exchange.getRequestBody()) {
        body.readNBytes(MAX_DRAINED_BODY);
      }
      String rawPath = exchange.getRequestURI().getRawPath();
      String context = exchange.getHttpContext().getPath();
      if (context.length() > 1) {
        String prefix = context.endsWith("/") ? context.substring(0, context.length() - 1) : context;
        if (rawPath.startsWith(prefix)) {
          rawPath = rawPath.substring(prefix.length());
        }
      }
      HttpCall call = new HttpCall(exchange.getRequestMethod(), rawPath == null ? "" : rawPath,
          exchange.getRequestURI().getRawQuery(), exchange.getRequestHeaders());
      HttpAnswer answer = endpoint.handle(call);
      answer.headers().forEach((name, value) -> exchange.getResponseHeaders().set(name, value));
      // A HEAD answer (405 here) must not carry a body on the wire.
      byte[] bytes = exchange.getRequestMethod().equals("HEAD") ? new byte[0] : answer.body();
      exchange.sendResponseHeaders(answer.status(), bytes.length == 0 ? -1 : bytes.length);
      if (bytes.length > 0) {
        try (OutputStream out = exchange.getResponseBody()) {
          out.write(bytes);
        }
      }
    }
  }
}
