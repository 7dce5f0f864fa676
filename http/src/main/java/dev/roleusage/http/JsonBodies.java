package dev.roleusage.http;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.roleusage.query.IdentityUsage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * Writes every body the endpoint sends, with Jackson's streaming generator so that key order and
 * omitted keys are exactly as the contract says (and identical whatever store produced the rows).
 */
final class JsonBodies {
  private static final JsonFactory JSON = new JsonFactory();

  private JsonBodies() {}

  @FunctionalInterface
  private interface Writer {
    void write(JsonGenerator g) throws IOException;
  }

  /** The 200 body: {@code [{"id","displayName"?,"email"?,"usageCount"}, …]}; missing values omitted. */
  static byte[] rows(List<IdentityUsage> rows) {
    return write(g -> {
      g.writeStartArray();
      for (IdentityUsage row : rows) {
        g.writeStartObject();
        g.writeStringField("id", row.id());
        if (row.displayName() != null && !row.displayName().isEmpty()) {
          g.writeStringField("displayName", row.displayName());
        }
        if (row.email() != null && !row.email().isEmpty()) {
          g.writeStringField("email", row.email());
        }
        g.writeNumberField("usageCount", row.usageCount());
        g.writeEndObject();
      }
      g.writeEndArray();
    });
  }

  /** An ErrorResponseDto: one message, and one cause per text in {@code causes}, all in {@code locale}. */
  static byte[] error(String detailCode, String trackingId, Messages.Chosen locale, String message,
      List<String> causes) {
    return write(g -> {
      g.writeStartObject();
      g.writeStringField("detailCode", detailCode);
      g.writeStringField("trackingId", trackingId);
      g.writeArrayFieldStart("messages");
      errorMessage(g, locale, message);
      g.writeEndArray();
      g.writeArrayFieldStart("causes");
      for (String cause : causes) {
        errorMessage(g, locale, cause);
      }
      g.writeEndArray();
      g.writeEndObject();
    });
  }

  /** The 401 body {@code {"error": text}}. */
  static byte[] unauthorized(String text) {
    return write(g -> {
      g.writeStartObject();
      g.writeStringField("error", text);
      g.writeEndObject();
    });
  }

  /** The 429 body, exactly as SailPoint sends it (spaces included). */
  static byte[] rateLimited() {
    return write(g -> {
      g.writeStartObject();
      g.writeStringField("message", " Rate Limit Exceeded ");
      g.writeEndObject();
    });
  }

  private static void errorMessage(JsonGenerator g, Messages.Chosen locale, String text) throws IOException {
    g.writeStartObject();
    g.writeStringField("locale", locale.tag());
    g.writeStringField("localeOrigin", locale.origin());
    g.writeStringField("text", text);
    g.writeEndObject();
  }

  private static byte[] write(Writer writer) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(256);
    try (JsonGenerator g = JSON.createGenerator(out, JsonEncoding.UTF8)) {
      writer.write(g);
    } catch (IOException e) {
      throw new UncheckedIOException("writing JSON to memory failed", e);
    }
    return out.toByteArray();
  }
}
