package dev.roleusage.spi;

import java.util.Objects;

/**
 * What a read found: the value, or which of the two named things does not exist (CONTRACT §4:
 * an unknown potential role, or a source the store has never heard of, is a 404).
 *
 * @param <T> what was read ({@link dev.roleusage.query.UsagePage} or {@link UsageTable})
 */
public sealed interface Lookup<T> {
  /** The potential role and the source exist; here is the answer. */
  record Found<T>(T value) implements Lookup<T> {
    public Found {
      Objects.requireNonNull(value, "value");
    }
  }

  /** No potential role with this id exists for the tenant (checked before the source). */
  record PotentialRoleNotFound<T>(String potentialRoleId) implements Lookup<T> {}

  /** The potential role exists; no source with this id is known to the tenant. */
  record SourceNotFound<T>(String sourceId) implements Lookup<T> {}

  static <T> Lookup<T> found(T value) {
    return new Found<>(value);
  }

  /** The value if found, else null. */
  default T valueOrNull() {
    return this instanceof Found<T> f ? f.value() : null;
  }
}
