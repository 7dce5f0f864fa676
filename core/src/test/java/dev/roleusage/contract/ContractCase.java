package dev.roleusage.contract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.roleusage.dataset.DataSetException;
import dev.roleusage.dataset.DataSetFolder;
import dev.roleusage.model.ChangeSet;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One case of {@code shared/cases/contract-cases.json}: data (inline rows or a data-set folder), a
 * fixed clock, and HTTP-shaped requests, some with hand-worked expectations. See
 * {@code shared/README.md} for the format. Expected answers not given in the file must be worked
 * out independently of the code under test (see {@link ReferenceAnswers}).
 */
public record ContractCase(
    String name, Instant asOf, ZoneId zone, Optional<String> jvmTimezone,
    Optional<JsonNode> inlineData, Optional<Path> dataset, List<Request> requests) {

  /** A request: target (path and raw query, exactly as sent) and headers. */
  public record Request(String target, Map<String, String> headers, Optional<JsonNode> expectBody,
      Optional<Long> expectTotal) {
    /** The raw path, before {@code ?}. */
    public String rawPath() {
      int q = target.indexOf('?');
      return q < 0 ? target : target.substring(0, q);
    }

    /** The raw query string after {@code ?}, or null. */
    public String rawQuery() {
      int q = target.indexOf('?');
      return q < 0 ? null : target.substring(q + 1);
    }
  }

  private static final ObjectMapper JSON = new ObjectMapper();

  /** All cases of the shared file, in file order. */
  public static List<ContractCase> loadAll() {
    Path file = SharedFolder.resolve("cases/contract-cases.json");
    try {
      JsonNode root = JSON.readTree(file.toFile());
      List<ContractCase> cases = new ArrayList<>();
      for (JsonNode c : root) {
        cases.add(parse(c));
      }
      return cases;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
  }

  /** The case named {@code name}. */
  public static ContractCase named(String name) {
    return loadAll().stream().filter(c -> c.name().equals(name)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no contract case named " + name));
  }

  private static ContractCase parse(JsonNode c) {
    ZoneId zone = c.hasNonNull("zone") ? ZoneId.of(c.get("zone").asText()) : ZoneOffset.UTC;
    List<Request> requests = new ArrayList<>();
    for (JsonNode r : c.get("requests")) {
      Map<String, String> headers = new LinkedHashMap<>();
      if (r.has("headers")) {
        r.get("headers").fields().forEachRemaining(e -> headers.put(e.getKey(), e.getValue().asText()));
      } else {
        headers.put("X-SailPoint-Experimental", "true");
      }
      JsonNode expect = r.get("expect");
      requests.add(new Request(r.get("target").asText(), headers,
          expect != null && expect.has("body") ? Optional.of(expect.get("body")) : Optional.empty(),
          expect != null && expect.has("total") ? Optional.of(expect.get("total").asLong()) : Optional.empty()));
    }
    return new ContractCase(
        c.get("name").asText(),
        Instant.parse(c.get("asOf").asText()),
        zone,
        c.hasNonNull("jvmTimezone") ? Optional.of(c.get("jvmTimezone").asText()) : Optional.empty(),
        Optional.ofNullable(c.get("data")),
        c.hasNonNull("dataset") ? Optional.of(SharedFolder.resolve(c.get("dataset").asText())) : Optional.empty(),
        List.copyOf(requests));
  }

  /** The case's data as one change set, as the library would load it. */
  public ChangeSet changes() {
    if (dataset.isPresent()) {
      try {
        return DataSetFolder.read(dataset.get(), zone).changes();
      } catch (DataSetException e) {
        throw new IllegalStateException("contract case " + name + ": " + e.getMessage(), e);
      }
    }
    JsonNode d = inlineData.orElseThrow();
    ChangeSet.Builder b = ChangeSet.builder(zone);
    for (JsonNode r : rows(d, "identities")) {
      b.identity(text(r, 0), text(r, 1), text(r, 2));
    }
    for (JsonNode r : rows(d, "potentialRoles")) {
      b.potentialRole(text(r, 0), text(r, 1));
    }
    for (JsonNode r : rows(d, "sources")) {
      b.source(text(r, 0), text(r, 1));
    }
    for (JsonNode r : rows(d, "memberships")) {
      b.membership(text(r, 0), text(r, 1));
    }
    for (JsonNode r : rows(d, "usage")) {
      String at = text(r, 2);
      if (at.length() == 10) {
        b.usage(text(r, 0), text(r, 1), java.time.LocalDate.parse(at));
      } else {
        b.usage(text(r, 0), text(r, 1), java.time.OffsetDateTime.parse(at).toInstant());
      }
    }
    return b.build();
  }

  private static Iterable<JsonNode> rows(JsonNode data, String key) {
    return data.has(key) ? data.get(key) : List.of();
  }

  private static String text(JsonNode row, int i) {
    JsonNode v = row.get(i);
    return v == null || v.isNull() ? null : v.asText();
  }
}
