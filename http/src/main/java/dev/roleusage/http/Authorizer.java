package dev.roleusage.http;

import dev.roleusage.model.TenantId;
import java.util.Arrays;
import java.util.Objects;
import java.util.Set;

/**
 * The host's check that a caller may read a potential role (→ 403 when it refuses). Called after
 * the request is known to be valid, with the authenticated caller, the tenant the read will use
 * (always the caller's) and the potential role id from the path.
 *
 * <p>An authorizer that throws produces a 500 (the exception is logged, never sent).
 */
@FunctionalInterface
public interface Authorizer {
  /** The spec's read scope. */
  String READ_SCOPE = "iai:access-modeling:read";
  /** The spec's manage scope (also allowed to read). */
  String MANAGE_SCOPE = "iai:access-modeling:manage";

  /** True when {@code caller} may read {@code potentialRoleId} of {@code tenant}. */
  boolean allows(Caller caller, TenantId tenant, String potentialRoleId);

  /** Allows everything (the default). */
  static Authorizer allowAll() {
    return (caller, tenant, role) -> true;
  }

  /** Allows callers that hold at least one of {@code scopes}. */
  static Authorizer requireAnyScope(String... scopes) {
    Set<String> required = Set.copyOf(Arrays.asList(scopes));
    if (required.isEmpty()) {
      throw new IllegalArgumentException("requireAnyScope needs at least one scope");
    }
    return (caller, tenant, role) -> caller.scopes().stream().anyMatch(required::contains);
  }

  /** What the published spec requires: {@link #READ_SCOPE} or {@link #MANAGE_SCOPE}. */
  static Authorizer specScopes() {
    return requireAnyScope(READ_SCOPE, MANAGE_SCOPE);
  }

  /** Allows only when both this and {@code other} allow. */
  default Authorizer and(Authorizer other) {
    Objects.requireNonNull(other, "other");
    return (caller, tenant, role) -> allows(caller, tenant, role) && other.allows(caller, tenant, role);
  }
}
