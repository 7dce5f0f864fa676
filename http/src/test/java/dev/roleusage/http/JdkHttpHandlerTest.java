package dev.roleusage.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The JDK HTTP server adapter: raw path and query reach the facade, the answer goes back unchanged. */
class JdkHttpHandlerTest {
  private final HttpClient client = HttpClient.newBuilder().proxy(java.net.ProxySelector.of(null)).build();

  private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
    return client.send(request.header("X-SailPoint-Experimental", "true").build(),
        HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void servesTheEndpointOnLoopback() throws Exception {
    try (LocalServer server = LocalServer.start(Fixtures.acmeEndpoint().build(), 0)) {
      assertThat(server.baseUri().getHost()).isEqualTo("127.0.0.1");
      HttpResponse<String> ok = send(HttpRequest.newBuilder(
          URI.create(server.baseUri() + "/v2024" + Fixtures.USAGE + "?count=true")));
      assertThat(ok.statusCode()).isEqualTo(200);
      assertThat(ok.headers().firstValue("Content-Type")).contains("application/json");
      assertThat(ok.headers().firstValue("X-Total-Count")).contains("3");
      assertThat(ok.body()).isEqualTo(Fixtures.PR_ROWS);

      HttpResponse<String> slash = send(HttpRequest.newBuilder(
          URI.create(server.baseUri() + "/role-mining-potential-roles/a%2Fb/sources/src/identityUsage")));
      assertThat(slash.statusCode()).isEqualTo(200);
      assertThat(slash.body()).startsWith("[{\"id\":\"ada\"");

      HttpResponse<String> post = send(HttpRequest.newBuilder(URI.create(server.baseUri() + Fixtures.USAGE))
          .POST(HttpRequest.BodyPublishers.ofString("{\"ignored\":true}")));
      assertThat(post.statusCode()).isEqualTo(405);
      assertThat(post.headers().firstValue("Allow")).contains("GET");
      assertThat(post.body()).contains("\"detailCode\":\"405 Method Not Allowed\"");

      HttpResponse<String> head = send(HttpRequest.newBuilder(URI.create(server.baseUri() + Fixtures.USAGE))
          .method("HEAD", HttpRequest.BodyPublishers.noBody()));
      assertThat(head.statusCode()).isEqualTo(405);
      assertThat(head.body()).isEmpty();
    }
  }

  @Test
  void aContextPathIsStrippedBeforeRouting() throws Exception {
    HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/api/", Fixtures.acmeEndpoint().build().asJdkHandler());
    server.start();
    try {
      String base = "http://127.0.0.1:" + server.getAddress().getPort();
      HttpResponse<String> ok = send(HttpRequest.newBuilder(URI.create(base + "/api/v2025" + Fixtures.USAGE)));
      assertThat(ok.statusCode()).isEqualTo(200);
      assertThat(ok.body()).isEqualTo(Fixtures.PR_ROWS);
      Optional<String> type = ok.headers().firstValue("content-type");
      assertThat(type).contains("application/json");
    } finally {
      server.stop(0);
    }
  }
}
