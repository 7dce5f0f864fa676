package dev.roleusage.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.roleusage.contract.SharedFolder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The response schemas SailPoint publishes, read from {@code shared/spec} (YAML, relative
 * {@code $ref}s inlined), validated with networknt json-schema-validator.
 *
 * <p>Each body is checked twice: against the published schema as written (OpenAPI 3.0 schema
 * objects read as JSON Schema draft 4; {@code nullable} and {@code example} dropped, which makes
 * {@code null} invalid — stricter than OpenAPI, and we never send null), and against a
 * <em>closed</em> variant that also forbids unknown keys and requires the keys we always send,
 * because the published schemas alone would accept {@code {}} or a misspelled key.
 */
final class PublishedSchemas {
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_4);
  private static final Path V2025 = SharedFolder.resolve("spec/idn/v2025");

  private static final PublishedSchemas INSTANCE = new PublishedSchemas();

  private final Map<Integer, List<Schema>> byStatus;

  private PublishedSchemas() {
    JsonNode path = load(V2025.resolve("paths/role-mining-potential-role-source-identity-usage.yaml"));
    JsonNode responses = path.get("get").get("responses");
    JsonNode ok = schemaOf(responses.get("200"));
    JsonNode error = schemaOf(responses.get("400"));
    // 403 and 500 use the same ErrorResponseDto; 404 and 405 are not in the spec and reuse it.
    assertThat(schemaOf(responses.get("403"))).isEqualTo(error);
    assertThat(schemaOf(responses.get("500"))).isEqualTo(error);
    JsonNode unauthorized = schemaOf(responses.get("401"));
    JsonNode rateLimited = schemaOf(responses.get("429"));
    List<Schema> errors = both(error, List.of("detailCode", "trackingId", "messages", "causes"));
    byStatus = Map.of(
        200, both(ok, List.of("id", "usageCount")),
        400, errors, 403, errors, 404, errors, 405, errors, 500, errors,
        401, both(unauthorized, List.of("error")),
        429, both(rateLimited, List.of("message")));
  }

  /** Fails unless {@code answer}'s body conforms to the published schema for its status (and the closed one). */
  static void assertConforms(HttpAnswer answer) {
    List<Schema> schemas = INSTANCE.byStatus.get(answer.status());
    assertThat(schemas).as("a schema for status %s", answer.status()).isNotNull();
    for (Schema s : schemas) {
      assertThat(s.validate(answer.bodyText(), InputFormat.JSON))
          .as("schema errors of %s", answer).isEmpty();
    }
  }

  /** The errors {@code body} has against the published (open) schema for {@code status}. */
  static List<com.networknt.schema.Error> publishedErrors(int status, String body) {
    return INSTANCE.byStatus.get(status).get(0).validate(body, InputFormat.JSON);
  }

  /** The errors {@code body} has against the closed variant for {@code status}. */
  static List<com.networknt.schema.Error> closedErrors(int status, String body) {
    return INSTANCE.byStatus.get(status).get(1).validate(body, InputFormat.JSON);
  }

  private static List<Schema> both(JsonNode published, List<String> required) {
    return List.of(compile(published), compile(closed(published.deepCopy(), required)));
  }

  private static Schema compile(JsonNode schema) {
    try {
      return REGISTRY.getSchema(JSON.writeValueAsString(schema), InputFormat.JSON);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static JsonNode schemaOf(JsonNode response) {
    return response.get("content").get("application/json").get("schema");
  }

  /** Adds additionalProperties:false to every object schema; {@code required} to the top object or array items. */
  private static JsonNode closed(JsonNode schema, List<String> required) {
    ObjectNode top = (ObjectNode) (schema.has("items") ? schema.get("items") : schema);
    ArrayNode req = top.putArray("required");
    required.forEach(req::add);
    closeAll(schema);
    // Every ErrorMessageDto we send has all three keys.
    if (top.path("properties").has("messages")) {
      for (String list : List.of("messages", "causes")) {
        ObjectNode item = (ObjectNode) top.get("properties").get(list).get("items");
        ArrayNode r = item.putArray("required");
        List.of("locale", "localeOrigin", "text").forEach(r::add);
      }
    }
    return schema;
  }

  private static void closeAll(JsonNode node) {
    if (node instanceof ObjectNode o) {
      if (o.has("properties")) {
        o.put("additionalProperties", false);
      }
      o.elements().forEachRemaining(PublishedSchemas::closeAll);
    } else if (node instanceof ArrayNode a) {
      a.elements().forEachRemaining(PublishedSchemas::closeAll);
    }
  }

  /** The YAML file with every relative {@code $ref} replaced by the (recursively inlined) file it names. */
  static JsonNode load(Path file) {
    try {
      return inline(YAML.readTree(file.toFile()), file.getParent());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
  }

  private static JsonNode inline(JsonNode node, Path dir) {
    if (node instanceof ObjectNode o) {
      if (o.has("$ref")) {
        return load(dir.resolve(o.get("$ref").asText()).normalize());
      }
      ObjectNode copy = JsonNodeFactory.instance.objectNode();
      for (Map.Entry<String, JsonNode> e : o.properties()) {
        if (e.getKey().equals("nullable") || e.getKey().equals("example") || e.getKey().equals("examples")) {
          continue;
        }
        copy.set(e.getKey(), inline(e.getValue(), dir));
      }
      return copy;
    }
    if (node instanceof ArrayNode a) {
      ArrayNode copy = JsonNodeFactory.instance.arrayNode();
      a.forEach(e -> copy.add(inline(e, dir)));
      return copy;
    }
    return node;
  }
}
