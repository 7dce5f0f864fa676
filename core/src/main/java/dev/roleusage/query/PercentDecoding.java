package dev.roleusage.query;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Strict percent-decoding of path segments and query parts: a malformed escape or bytes that are
 * not UTF-8 are an error (empty), never silently replaced, so two different raw ids can never
 * decode to the same id.
 */
public final class PercentDecoding {
  private PercentDecoding() {}

  /** Decodes a path segment ({@code +} stays {@code +}; {@code %2F} becomes {@code /} inside the id). */
  public static Optional<String> pathSegment(String raw) {
    return decode(raw, false);
  }

  /** Decodes a query-string name or value ({@code +} is a space, as in HTML forms and servlets). */
  public static Optional<String> queryPart(String raw) {
    return decode(raw, true);
  }

  private static Optional<String> decode(String raw, boolean plusIsSpace) {
    if (raw.indexOf('%') < 0 && (!plusIsSpace || raw.indexOf('+') < 0)) {
      return Optional.of(raw);
    }
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(raw.length());
    for (int i = 0; i < raw.length(); i++) {
      char c = raw.charAt(i);
      if (c == '%') {
        if (i + 2 >= raw.length()) {
          return Optional.empty();
        }
        int hi = Character.digit(raw.charAt(i + 1), 16);
        int lo = Character.digit(raw.charAt(i + 2), 16);
        if (hi < 0 || lo < 0) {
          return Optional.empty();
        }
        bytes.write((hi << 4) | lo);
        i += 2;
      } else if (c == '+' && plusIsSpace) {
        bytes.write(' ');
      } else if (c < 0x80) {
        bytes.write(c);
      } else {
        // A raw non-ASCII char (not legal in a URI, but tolerated): keep it as its UTF-8 bytes.
        // A lone surrogate has none (getBytes would write '?', making "a\uD800" the id "a?").
        boolean pair = Character.isHighSurrogate(c) && i + 1 < raw.length()
            && Character.isLowSurrogate(raw.charAt(i + 1));
        if (Character.isSurrogate(c) && !pair) {
          return Optional.empty();
        }
        int end = pair ? i + 2 : i + 1;
        byte[] utf8 = raw.substring(i, end).getBytes(StandardCharsets.UTF_8);
        bytes.write(utf8, 0, utf8.length);
        i = end - 1;
      }
    }
    try {
      return Optional.of(StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes.toByteArray()))
          .toString());
    } catch (CharacterCodingException e) {
      return Optional.empty();
    }
  }
}
