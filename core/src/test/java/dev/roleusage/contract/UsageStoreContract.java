package dev.roleusage.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.roleusage.RoleUsage;
import dev.roleusage.model.TenantId;
import dev.roleusage.query.IdentityUsage;
import dev.roleusage.query.IdentityUsageQuery;
import dev.roleusage.query.SortField;
import dev.roleusage.query.Sorter;
import dev.roleusage.query.UsagePage;
import dev.roleusage.spi.Lookup;
import dev.roleusage.spi.UsageStore;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The behaviour every {@link UsageStore} must have (CONTRACT §2–§4, §6). Each store's test module
 * extends this class and implements {@link #newStore()}; nothing else changes (the Jdbi pattern).
 *
 * <pre>{@code
 * class InMemoryUsageStoreTest extends UsageStoreContract {
 *   @Override protected UsageStore newStore() { return new InMemoryUsageStore(); }
 * }
 * }</pre>
 */
public abstract class UsageStoreContract {
  /** A store with no data visible to the tenants this suite uses. Called once per test. */
  protected abstract UsageStore newStore();

  /** A tenant id no other test uses, so tests may share a database. */
  protected static TenantId freshTenant() {
    return TenantId.of("t-" + UUID.randomUUID());
  }

  protected static RoleUsage engine(UsageStore store, Instant now) {
    return RoleUsage.builder(store).clock(Clock.fixed(now, ZoneOffset.UTC)).usageZone(ZoneOffset.UTC).build();
  }

  @Test
  void membersWithoutUsageCountZeroAndNonMembersNeverAppear() {
    UsageStore store = newStore();
    TenantId tenant = freshTenant();
    RoleUsage engine = engine(store, Instant.parse("2025-06-30T12:00:00Z"));
    engine.apply(tenant, engine.newChanges()
        .identity("id-a", "Ada", "ada@example.test")
        .identity("id-b", "Bob", null)
        .identity("id-x", "Xavier", "x@example.test")
        .membership("pr", "id-a")
        .membership("pr", "id-b")
        .usage("id-a", "src", LocalDate.parse("2025-06-30"))
        .usage("id-a", "src", Instant.parse("2025-06-29T23:59:59Z"))
        .usage("id-x", "src", LocalDate.parse("2025-06-30"))
        .build());

    Lookup<UsagePage> result = engine.query(tenant, IdentityUsageQuery.builder("pr", "src")
        .sorters(Sorter.descending(SortField.USAGE_COUNT)).count(true).build());

    assertThat(result).isInstanceOf(Lookup.Found.class);
    UsagePage page = result.valueOrNull();
    assertThat(page.rows()).containsExactly(
        new IdentityUsage("id-a", "Ada", "ada@example.test", 2),
        new IdentityUsage("id-b", "Bob", null, 0));
    assertThat(page.total()).hasValue(2);
  }
}
