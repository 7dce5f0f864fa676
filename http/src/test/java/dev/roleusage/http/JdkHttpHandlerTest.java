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

  @Test
  void rawNonAsciiBytesInThePathAreReadAsUtf8NotLatin1() throws Exception {
    // Found by a review: the JDK server reads the request line as ISO-8859-1, so a raw byte
    // 0xFF became the id "ÿ" (a 404) while "%FF" is a 400, and raw UTF-8 "é" named another id.
    assertThat(JdkHttpHandler.wireBytes("/r\u00c3\u00a9le")).isEqualTo("/r%C3%A9le");
    assertThat(JdkHttpHandler.wireBytes("/plain%2Fid")).isEqualTo("/plain%2Fid");
    try (LocalServer server = LocalServer.start(Fixtures.acmeEndpoint().build(), 0);
         java.net.Socket socket = new java.net.Socket(InetAddress.getLoopbackAddress(), server.baseUri().getPort())) {
      java.io.ByteArrayOutputStream request = new java.io.ByteArrayOutputStream();
      request.write("GET /role-mining-potential-roles/red".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
      request.write(0xFF);
      request.write(("team/sources/src/identityUsage HTTP/1.1\r\nHost: 127.0.0.1\r\n"
          + "X-SailPoint-Experimental: true\r\nConnection: close\r\n\r\n")
          .getBytes(java.nio.charset.StandardCharsets.US_ASCII));
      socket.getOutputStream().write(request.toByteArray());
      socket.getOutputStream().flush();
      String reply = new String(socket.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
      assertThat(reply).startsWith("HTTP/1.1 400");
      assertThat(reply).contains("\"detailCode\":\"400.1 Bad Request Content\"");
    }
  }
}
