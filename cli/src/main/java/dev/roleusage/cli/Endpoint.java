package dev.roleusage.cli;

import dev.roleusage.http.HttpAnswer;
import dev.roleusage.http.HttpCall;
import dev.roleusage.http.IdentityUsageEndpoint;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The HTTP facade in-process: {@code query}, {@code request} and {@code demo} hand it a request
 * and print exactly what it answers, so their output is byte for byte what {@code serve} sends.
 */
final class Endpoint {
  private final IdentityUsageEndpoint endpoint;

  private Endpoint(IdentityUsageEndpoint endpoint) {
    this.endpoint = endpoint;
  }

  /** The endpoint over the session's engine, every request being the session's tenant with no auth. */
  static Endpoint of(Session session) {
    return new Endpoint(IdentityUsageEndpoint.builder(session.engine()).defaultTenant(session.tenant()).build());
  }

  /** A GET of {@code target} (raw path and query, as on the wire) with exactly {@code headers}. */
  HttpReply get(String target, List<Map.Entry<String, String>> headers) {
    int q = target.indexOf('?');
    Map<String, List<String>> multi = new LinkedHashMap<>();
    for (Map.Entry<String, String> h : headers) {
      multi.computeIfAbsent(h.getKey(), k -> new ArrayList<>()).add(h.getValue());
    }
    HttpAnswer answer = endpoint.handle(new HttpCall("GET", q < 0 ? target : target.substring(0, q),
        q < 0 ? null : target.substring(q + 1), multi));
    return new HttpReply(answer.status(), List.copyOf(answer.headers().entrySet()), answer.body());
  }
}
