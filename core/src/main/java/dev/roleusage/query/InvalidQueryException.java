package dev.roleusage.query;

import java.util.List;
import java.util.stream.Collectors;

/** A query built in code broke one or more rules of CONTRACT §1; {@link #violations()} lists each. */
public final class InvalidQueryException extends IllegalArgumentException {
  private final List<Violation> violations;

  public InvalidQueryException(List<Violation> violations) {
    super(violations.stream().map(Violation::message).collect(Collectors.joining("; ")));
    this.violations = List.copyOf(violations);
  }

  public List<Violation> violations() {
    return violations;
  }
}
