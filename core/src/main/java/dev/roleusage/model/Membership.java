package dev.roleusage.model;

/**
 * An identity's membership of a potential role. The identity need not be declared: a member
 * without an {@link Identity} record answers with its id only.
 */
public record Membership(String potentialRoleId, String identityId) {
  public Membership {
    String record = "membership (" + TextRules.describe("potential role", potentialRoleId) + ", "
        + TextRules.describe("identity", identityId) + ")";
    TextRules.checkId(record, "potentialRoleId", potentialRoleId);
    TextRules.checkId(record, "identityId", identityId);
  }

  /** {@code identityId} is a member of {@code potentialRoleId}. */
  public static Membership of(String potentialRoleId, String identityId) {
    return new Membership(potentialRoleId, identityId);
  }
}
