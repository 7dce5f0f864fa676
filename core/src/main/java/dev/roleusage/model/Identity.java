package dev.roleusage.model;

import java.util.Optional;

/**
 * A person or account that can be a member of a potential role.
 *
 * <p>{@code displayName} and {@code email} are optional: {@code null} or {@code ""} both mean
 * "missing", and a missing value is omitted from responses and sorts last (CONTRACT §2, §3).
 * Values are kept exactly as given (case included).
 *
 * @param id non-empty, at most 128 chars, no control characters
 * @param displayName at most 512 chars, or null
 * @param email at most 320 chars, or null
 */
public record Identity(String id, String displayName, String email) {
  public Identity {
    String record = TextRules.describe("identity", id);
    TextRules.checkId(record, "id", id);
    displayName = TextRules.optionalText(record, "displayName", displayName, TextRules.MAX_NAME_LENGTH);
    email = TextRules.optionalText(record, "email", email, TextRules.MAX_EMAIL_LENGTH);
  }

  /** An identity; {@code displayName} and {@code email} may be null or empty (missing). */
  public static Identity of(String id, String displayName, String email) {
    return new Identity(id, displayName, email);
  }

  /** The display name, if present. */
  public Optional<String> displayNameIfPresent() {
    return Optional.ofNullable(displayName);
  }

  /** The e-mail address, if present. */
  public Optional<String> emailIfPresent() {
    return Optional.ofNullable(email);
  }
}
