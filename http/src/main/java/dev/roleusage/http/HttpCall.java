package dev.roleusage.http;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * One HTTP request as the host's web stack received it, before any decoding: the facade's input.
 *
 * <p>The path and query are <em>raw</em> (still percent-encoded) so that {@code %2F} inside an id
 * can be told apart from a path separator. Header names are case-insensitive; every value of a
 * repeated header is kept.
 *
 * <pre>{@code
 * HttpCall call = new HttpCall("GET", "/v2024/role-mining-potential-roles/pr-1/sources/src-1/identityUsage",
 *     "sorters=-usageCount&count=true", Map.of("X-SailPoint-Experimental", List.of("true")));
 * }</pre>
 *
 * @param method the request method, case-sensitive ({@code GET})
 * @param rawPath the path as sent, without query ({@code HttpExchange.getRequestURI().getRawPath()},
 *     {@code HttpServletRequest.getRequestURI()} minus the context path)
 * @param rawQuery the query string as sent, without {@code ?}; null or empty when there is none
 * @param headers every header with all its values; names are matched case-insensitively
 * @param caller the caller when the host has already authenticated the request (empty otherwise);
 *     the default authenticator uses it, a custom {@link Authenticator} may ignore it
 */
public record HttpCall(
    String method, String rawPath, String rawQuery, Map<String, List<String>> headers, Optional<Caller> caller) {

  public HttpCall {
    Objects.requireNonNull(method, "method");
    Objects.requireNonNull(rawPath, "rawPath");
    Objects.requireNonNull(headers, "headers");
    Objects.requireNonNull(caller, "caller");
    TreeMap<String, List<String>> copy = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    headers.forEach((name, values) -> {
      Objects.requireNonNull(name, "header name");
      List<String> merged = copy.computeIfAbsent(name, k -> new ArrayList<>());
      for (String v : values) {
        merged.add(Objects.requireNonNull(v, () -> "value of header " + name));
      }
    });
    copy.replaceAll((name, values) -> List.copyOf(values));
    headers = Collections.unmodifiableMap(copy);
  }

  /** A request without a host-established caller. */
  public HttpCall(String method, String rawPath, String rawQuery, Map<String, List<String>> headers) {
    this(method, rawPath, rawQuery, headers, Optional.empty());
  }

  /**
   * A GET of {@code target} (raw path, optionally {@code ?} and raw query, exactly as sent) with
   * single-valued headers.
   */
  public static HttpCall get(String target, Map<String, String> headers) {
    Objects.requireNonNull(target, "target");
    int q = target.indexOf('?');
    Map<String, List<String>> multi = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    headers.forEach((k, v) -> multi.computeIfAbsent(k, x -> new ArrayList<>()).add(v));
    return new HttpCall("GET", q < 0 ? target : target.substring(0, q), q < 0 ? null : target.substring(q + 1),
        multi);
  }

  /** This request, with the caller the host has authenticated. */
  public HttpCall withCaller(Caller caller) {
    return new HttpCall(method, rawPath, rawQuery, headers, Optional.of(caller));
  }

  /** Every value of header {@code name} (case-insensitive), in order; empty when absent. */
  public List<String> headerValues(String name) {
    return headers.getOrDefault(name, List.of());
  }

  /** The first value of header {@code name} (case-insensitive). */
  public Optional<String> header(String name) {
    List<String> values = headerValues(name);
    return values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
  }
}
