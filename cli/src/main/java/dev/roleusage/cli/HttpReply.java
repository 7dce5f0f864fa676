package dev.roleusage.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * What the endpoint answered, and how the commands print it: optionally the status line and
 * headers ({@code HTTP/1.1 200 OK}, {@code Name: value}, a blank line), then the body: the exact
 * bytes, or re-indented JSON when a person reads it on a terminal.
 */
record HttpReply(int status, List<Map.Entry<String, String>> headers, byte[] body) {
  /** Writes a supplementary character as itself (4 UTF-8 bytes), not as a \\uD8xx\\uDCxx pair, for reading. */
  private static final ObjectMapper JSON = JsonMapper.builder()
      .enable(JsonWriteFeature.COMBINE_UNICODE_SURROGATES_IN_UTF8).build();
  /** Two-space indent, one element per line, "key": value, LF line ends on every platform. */
  private static final DefaultPrettyPrinter PRETTY = new DefaultPrettyPrinter()
      .withArrayIndenter(new DefaultIndenter("  ", "\n"))
      .withObjectIndenter(new DefaultIndenter("  ", "\n"))
      .withSeparators(Separators.createDefaultInstance()
          .withObjectFieldValueSpacing(Separators.Spacing.AFTER));

  boolean isSuccess() {
    return status >= 200 && status < 300;
  }

  /** Writes the reply to {@code out} (UTF-8 bytes, never the platform charset). */
  void print(OutputStream out, boolean includeHead, boolean pretty) {
    try {
      if (includeHead) {
        StringBuilder head = new StringBuilder();
        head.append("HTTP/1.1 ").append(status).append(' ').append(reason(status)).append('\n');
        for (Map.Entry<String, String> h : headers) {
          head.append(h.getKey()).append(": ").append(h.getValue()).append('\n');
        }
        head.append('\n');
        out.write(head.toString().getBytes(StandardCharsets.UTF_8));
      }
      out.write(pretty ? pretty(body) : body);
      if (pretty) {
        out.write('\n');
      }
      out.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The body re-indented for reading, or unchanged when it is not JSON. */
  static byte[] pretty(byte[] body) {
    if (body.length == 0) {
      return body;
    }
    try {
      JsonNode tree = JSON.readTree(body);
      return JSON.writer(PRETTY).writeValueAsBytes(tree);
    } catch (JsonProcessingException e) {
      return body;
    } catch (IOException e) {
      return body;
    }
  }

  static String reason(int status) {
    switch (status) {
      case 200: return "OK";
      case 204: return "No Content";
      case 400: return "Bad Request";
      case 401: return "Unauthorized";
      case 403: return "Forbidden";
      case 404: return "Not Found";
      case 405: return "Method Not Allowed";
      case 406: return "Not Acceptable";
      case 413: return "Payload Too Large";
      case 414: return "URI Too Long";
      case 429: return "Too Many Requests";
      case 500: return "Internal Server Error";
      case 503: return "Service Unavailable";
      default: return status < 300 ? "OK" : status < 500 ? "Client Error" : "Server Error";
    }
  }
}
