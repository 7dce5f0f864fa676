package dev.roleusage.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.roleusage.query.IdentityUsage;
import dev.roleusage.query.IdentityUsageQuery;
import dev.roleusage.query.ParsedQuery;
import dev.roleusage.query.QueryString;
import dev.roleusage.query.UsagePage;
import dev.roleusage.query.Violation;
import dev.roleusage.spi.Lookup;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Sends one request to the endpoint in-process and returns its reply. */
final class Endpoint {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Session session;

  private Endpoint(Session session) {
    this.session = session;
  }

  static Endpoint of(Session session) {
    return new Endpoint(session);
  }

  // TEMPORARY until the http module lands: only the 200 path of what `query` sends.
  HttpReply get(String target, List<Map.Entry<String, String>> headers) {
    int q = target.indexOf('?');
    String path = q < 0 ? target : target.substring(0, q);
    String[] parts = path.substring(Target.PATH_PREFIX.length()).split("/");
    String role = decode(parts[0]);
    String source = decode(parts[2]);
    ParsedQuery parsed = IdentityUsageQuery.parse(role, source, QueryString.parse(q < 0 ? null : target.substring(q + 1)));
    if (parsed instanceof ParsedQuery.Invalid invalid) {
      throw new CommandFailure(invalid.violations().stream().map(Violation::message).collect(Collectors.joining("; ")));
    }
    Lookup<UsagePage> result = session.engine().query(session.tenant(), ((ParsedQuery.Valid) parsed).query());
    if (!(result instanceof Lookup.Found<UsagePage> found)) {
      throw new CommandFailure("not found: " + result);
    }
    List<Map.Entry<String, String>> head = new ArrayList<>();
    head.add(Map.entry("Content-Type", "application/json"));
    found.value().total().ifPresent(t -> head.add(Map.entry("X-Total-Count", String.valueOf(t))));
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    try (JsonGenerator g = JSON.getFactory().createGenerator(body)) {
      g.writeStartArray();
      for (IdentityUsage row : found.value().rows()) {
        g.writeStartObject();
        g.writeStringField("id", row.id());
        if (row.displayName() != null) {
          g.writeStringField("displayName", row.displayName());
        }
        if (row.email() != null) {
          g.writeStringField("email", row.email());
        }
        g.writeNumberField("usageCount", row.usageCount());
        g.writeEndObject();
      }
      g.writeEndArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new HttpReply(200, head, body.toByteArray());
  }

  private static String decode(String s) {
    return java.net.URLDecoder.decode(s, java.nio.charset.StandardCharsets.UTF_8);
  }
}
