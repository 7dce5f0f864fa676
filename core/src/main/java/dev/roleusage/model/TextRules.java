package dev.roleusage.model;

import java.util.Optional;

/**
 * The rules every id and text value obeys, shared by the model and the request parser so that an
 * id that can be stored can always be addressed in a request path, and the other way round.
 */
public final class TextRules {
  /** Longest id (identity, source, potential role, tenant), in chars; CONTRACT §1. */
  public static final int MAX_ID_LENGTH = 128;
  /** Longest display name or potential-role/source name, in chars. */
  public static final int MAX_NAME_LENGTH = 512;
  /** Longest e-mail address, in chars (RFC 5321 allows 254 in practice; we allow a margin). */
  public static final int MAX_EMAIL_LENGTH = 320;

  private TextRules() {}

  /**
   * Why {@code value} cannot be an id, or empty if it can. Ids are compared by code point and
   * stored as UTF-8 everywhere, so unpaired surrogates are refused as well as control characters
   * (PostgreSQL cannot store NUL at all).
   */
  public static Optional<String> idProblem(String value) {
    if (value == null || value.isEmpty()) {
      return Optional.of("is empty");
    }
    if (value.length() > MAX_ID_LENGTH) {
      return Optional.of("is longer than " + MAX_ID_LENGTH + " characters");
    }
    return textProblem(value);
  }

  /** Why {@code value} cannot be stored as text (control character, unpaired surrogate), or empty. */
  public static Optional<String> textProblem(String value) {
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (Character.isISOControl(c)) {
        return Optional.of(String.format("contains the control character U+%04X at index %d", (int) c, i));
      }
      if (Character.isHighSurrogate(c)) {
        if (i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1))) {
          i++;
          continue;
        }
        return Optional.of("contains an unpaired surrogate at index " + i);
      }
      if (Character.isLowSurrogate(c)) {
        return Optional.of("contains an unpaired surrogate at index " + i);
      }
    }
    return Optional.empty();
  }

  static String checkId(String record, String field, String value) {
    idProblem(value).ifPresent(p -> {
      throw new InvalidRecordException(record, field + " " + p);
    });
    return value;
  }

  /** Empty and null both mean "missing" (CONTRACT §2 never renders "" for a value). */
  static String optionalText(String record, String field, String value, int maxLength) {
    if (value == null || value.isEmpty()) {
      return null;
    }
    if (value.length() > maxLength) {
      throw new InvalidRecordException(record, field + " is longer than " + maxLength + " characters");
    }
    textProblem(value).ifPresent(p -> {
      throw new InvalidRecordException(record, field + " " + p);
    });
    return value;
  }

  static String describe(String kind, String id) {
    if (id == null) {
      return kind + " <null>";
    }
    String shown = id.length() > 64 ? id.substring(0, 64) + "…" : id;
    return kind + " '" + shown + "'";
  }
}
