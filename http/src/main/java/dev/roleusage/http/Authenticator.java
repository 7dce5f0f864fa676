package dev.roleusage.http;

import dev.roleusage.model.TenantId;
import java.util.Objects;

/**
 * The host's check of who is calling (→ 401 when it rejects). It sees the whole request (e.g. the
 * {@code Authorization} header) and decides the {@link Caller}, whose tenant every read uses.
 *
 * <pre>{@code
 * Authenticator bearer = call -> call.header("Authorization")
 *     .flatMap(tokens::verify)                       // your token check
 *     .map(Authentication::of)
 *     .orElse(Authentication.rejected("JWT validation failed"));
 * }</pre>
 *
 * <p>An authenticator that throws produces a 500 (the exception is logged, never sent).
 */
@FunctionalInterface
public interface Authenticator {
  /** Decides who sent {@code call}. */
  Authentication authenticate(HttpCall call);

  /**
   * Trusts the caller the host already established ({@link HttpCall#caller()}); rejects with 401
   * when there is none.
   */
  static Authenticator hostEstablished() {
    return call -> call.caller().map(Authentication::of)
        .orElseGet(() -> Authentication.rejected("Authentication required"));
  }

  /**
   * Every request is the anonymous caller {@code "anonymous"} of {@code tenant} unless the host
   * passed a caller in the request. For a host that authenticates in front of the facade, or for
   * one-tenant local use.
   */
  static Authenticator fixedTenant(TenantId tenant) {
    Objects.requireNonNull(tenant, "tenant");
    Caller anonymous = Caller.of("anonymous", tenant);
    return call -> Authentication.of(call.caller().orElse(anonymous));
  }
}
