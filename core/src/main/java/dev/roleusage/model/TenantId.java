package dev.roleusage.model;

/**
 * The tenant every stored fact and every read belongs to (CONTRACT §6). A read for one tenant
 * never sees another tenant's rows, and no cache entry is shared between tenants.
 *
 * @param value non-empty, at most 128 chars, no control characters
 */
public record TenantId(String value) {
  public TenantId {
    TextRules.checkId(TextRules.describe("tenant", value), "id", value);
  }

  /** The tenant with id {@code value}. */
  public static TenantId of(String value) {
    return new TenantId(value);
  }

  @Override
  public String toString() {
    return value;
  }
}
