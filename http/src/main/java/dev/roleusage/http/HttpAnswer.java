package dev.roleusage.http;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The complete HTTP answer the host writes back unchanged: status, headers in order, body bytes
 * (UTF-8 JSON, never empty).
 *
 * @param status the status code (200, 400, 401, 403, 404, 405, 429, 500)
 * @param headers response headers in the order they should be written (at least {@code Content-Type})
 * @param body the body; the array is not copied on access, do not modify it
 */
public record HttpAnswer(int status, Map<String, String> headers, byte[] body) {
  public HttpAnswer {
    if (status < 100 || status > 599) {
      throw new IllegalArgumentException("status must be between 100 and 599 but was " + status);
    }
    headers = Collections.unmodifiableMap(new LinkedHashMap<>(Objects.requireNonNull(headers, "headers")));
    body = Objects.requireNonNull(body, "body").clone();
  }

  /** The value of header {@code name}, matched case-insensitively. */
  public Optional<String> header(String name) {
    for (Map.Entry<String, String> e : headers.entrySet()) {
      if (e.getKey().equalsIgnoreCase(name)) {
        return Optional.of(e.getValue());
      }
    }
    return Optional.empty();
  }

  /** The body as text (it is always UTF-8 JSON). */
  public String bodyText() {
    return new String(body, StandardCharsets.UTF_8);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof HttpAnswer a && a.status == status && a.headers.equals(headers) && Arrays.equals(a.body, body);
  }

  @Override
  public int hashCode() {
    return Objects.hash(status, headers, Arrays.hashCode(body));
  }

  @Override
  public String toString() {
    return "HttpAnswer[" + status + " " + headers + " " + bodyText() + "]";
  }
}
