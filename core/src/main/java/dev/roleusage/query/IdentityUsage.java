package dev.roleusage.query;

import java.util.Objects;

/**
 * One row of the answer: a member of the potential role and the number of days in the window on
 * which it used the source. {@code displayName} and {@code email} are null when missing (and then
 * omitted from JSON).
 *
 * @param usageCount 0 to 90
 */
public record IdentityUsage(String id, String displayName, String email, int usageCount) {
  public IdentityUsage {
    Objects.requireNonNull(id, "id");
    if (usageCount < 0 || usageCount > UsageWindow.DAYS) {
      throw new IllegalArgumentException(
          "usageCount must be between 0 and " + UsageWindow.DAYS + " but was " + usageCount);
    }
  }
}
