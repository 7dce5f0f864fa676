package dev.roleusage.model;

/**
 * A source (application, system) whose use is counted. A source is known once it is declared
 * or once any usage of it is recorded; an unknown source answers 404 (CONTRACT §4).
 *
 * @param id non-empty, at most 128 chars, no control characters
 * @param name optional human-readable name, at most 512 chars
 */
public record Source(String id, String name) {
  public Source {
    String record = TextRules.describe("source", id);
    TextRules.checkId(record, "id", id);
    name = TextRules.optionalText(record, "name", name, TextRules.MAX_NAME_LENGTH);
  }

  /** A source; {@code name} may be null. */
  public static Source of(String id, String name) {
    return new Source(id, name);
  }
}
