package dev.roleusage;

import dev.roleusage.model.ChangeSet;
import dev.roleusage.model.TenantId;
import dev.roleusage.query.IdentityUsageQuery;
import dev.roleusage.query.UsagePage;
import dev.roleusage.query.UsageWindow;
import dev.roleusage.spi.Lookup;
import dev.roleusage.spi.PageRequest;
import dev.roleusage.spi.StoreException;
import dev.roleusage.spi.UsageStore;
import java.time.Clock;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * The query engine: answers "for each identity in this potential role, on how many of the last 90
 * days did it use this source?" from any {@link UsageStore}.
 *
 * <pre>{@code
 * RoleUsage engine = RoleUsage.builder(new InMemoryUsageStore())
 *     .clock(Clock.systemUTC())          // injectable; tests fix it
 *     .usageZone(ZoneOffset.UTC)         // the zone "today" and usage days are counted in
 *     .build();
 * TenantId tenant = TenantId.of("acme");
 * engine.apply(tenant, engine.newChanges()
 *     .identity("id-ada", "Ada", "ada@example.test")
 *     .membership("pr-1", "id-ada")
 *     .usage("id-ada", "src-1", Instant.now())
 *     .build());
 * Lookup<UsagePage> page = engine.query(tenant, IdentityUsageQuery.builder("pr-1", "src-1")
 *     .sorters(Sorter.descending(SortField.USAGE_COUNT)).count(true).build());
 * }</pre>
 *
 * <p>Thread-safe; one instance serves all tenants.
 */
public final class RoleUsage {
  private final UsageStore store;
  private final Clock clock;
  private final ZoneId usageZone;

  private RoleUsage(Builder b) {
    this.store = b.store;
    this.clock = b.clock;
    this.usageZone = b.usageZone;
  }

  /** An engine over {@code store}, with the system UTC clock and usage zone UTC until set. */
  public static Builder builder(UsageStore store) {
    return new Builder(store);
  }

  /**
   * The page {@code query} asks for, in the window ending today (usage zone), with the total
   * exactly when {@code query.count()}.
   *
   * @throws StoreException the store failed
   */
  public Lookup<UsagePage> query(TenantId tenant, IdentityUsageQuery query) {
    Objects.requireNonNull(tenant, "tenant");
    Objects.requireNonNull(query, "query");
    UsageWindow window = currentWindow();
    Lookup<UsagePage> result = store.readPage(tenant, PageRequest.of(query, window));
    if (result instanceof Lookup.Found<UsagePage> found) {
      UsagePage page = found.value();
      if (page.rows().size() > query.limit()) {
        throw new StoreException("store returned " + page.rows().size() + " rows for limit " + query.limit());
      }
      if (query.count() && page.total().isEmpty()) {
        throw new StoreException("store returned no total although count was requested");
      }
      if (!query.count() && page.total().isPresent()) {
        return Lookup.found(UsagePage.of(page.rows(), OptionalLong.empty()));
      }
    }
    return result;
  }

  /** Writes {@code changes} for {@code tenant}, all-or-nothing; visible to every later read. */
  public void apply(TenantId tenant, ChangeSet changes) {
    Objects.requireNonNull(tenant, "tenant");
    Objects.requireNonNull(changes, "changes");
    store.apply(tenant, changes);
  }

  /** A change-set builder that counts instants in this engine's usage zone. */
  public ChangeSet.Builder newChanges() {
    return ChangeSet.builder(usageZone);
  }

  /** The 90-day window ending today in the usage zone, by this engine's clock. */
  public UsageWindow currentWindow() {
    return UsageWindow.current(clock, usageZone);
  }

  public UsageStore store() {
    return store;
  }

  public Clock clock() {
    return clock;
  }

  public ZoneId usageZone() {
    return usageZone;
  }

  /** Configures a {@link RoleUsage}. */
  public static final class Builder {
    private final UsageStore store;
    private Clock clock = Clock.systemUTC();
    private ZoneId usageZone = ZoneOffset.UTC;

    private Builder(UsageStore store) {
      this.store = Objects.requireNonNull(store, "store");
    }

    /** Where "now" comes from; default {@link Clock#systemUTC()}. */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /** The zone whose calendar days are counted; default UTC, never the JVM default. */
    public Builder usageZone(ZoneId usageZone) {
      this.usageZone = Objects.requireNonNull(usageZone, "usageZone");
      return this;
    }

    public RoleUsage build() {
      return new RoleUsage(this);
    }
  }
}
