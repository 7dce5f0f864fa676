package dev.roleusage.http;

import dev.roleusage.model.TenantId;
import java.util.Objects;
import java.util.Set;

/**
 * Who is calling, as the host's {@link Authenticator} established it. Every read is made for
 * {@link #tenant()}, never for anything named in the request.
 *
 * @param id stable caller id (user or client id); the rate limit is kept per (tenant, id)
 * @param tenant the tenant whose data this caller reads
 * @param scopes granted OAuth scopes, e.g. {@code iai:access-modeling:read}
 */
public record Caller(String id, TenantId tenant, Set<String> scopes) {
  public Caller {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(tenant, "tenant");
    scopes = Set.copyOf(scopes);
  }

  /** A caller of {@code tenant} with no scopes. */
  public static Caller of(String id, TenantId tenant) {
    return new Caller(id, tenant, Set.of());
  }
}
