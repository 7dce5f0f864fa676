package dev.roleusage.model;

/**
 * A potential role found by role mining. Declaring one lets it exist with no members (it then
 * answers {@code []} with total 0); a role is also known once any membership names it.
 *
 * @param id non-empty, at most 128 chars, no control characters
 * @param name optional human-readable name, at most 512 chars
 */
public record PotentialRole(String id, String name) {
  public PotentialRole {
    String record = TextRules.describe("potential role", id);
    TextRules.checkId(record, "id", id);
    name = TextRules.optionalText(record, "name", name, TextRules.MAX_NAME_LENGTH);
  }

  /** A potential role; {@code name} may be null. */
  public static PotentialRole of(String id, String name) {
    return new PotentialRole(id, name);
  }
}
