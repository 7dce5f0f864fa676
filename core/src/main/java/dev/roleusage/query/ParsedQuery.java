package dev.roleusage.query;

import java.util.List;

/**
 * The outcome of checking a request's raw values: a query, or every rule it broke (one
 * {@link Violation} each, in a stable order: path, then sorters, offset, limit, count).
 */
public sealed interface ParsedQuery {
  /** All rules held. */
  record Valid(IdentityUsageQuery query) implements ParsedQuery {}

  /** At least one rule was broken. */
  record Invalid(List<Violation> violations) implements ParsedQuery {
    public Invalid {
      violations = List.copyOf(violations);
      if (violations.isEmpty()) {
        throw new IllegalArgumentException("an invalid query has at least one violation");
      }
    }
  }
}
