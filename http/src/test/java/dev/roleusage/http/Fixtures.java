package dev.roleusage.http;

import dev.roleusage.RoleUsage;
import dev.roleusage.model.ChangeSet;
import dev.roleusage.model.TenantId;
import dev.roleusage.query.UsagePage;
import dev.roleusage.spi.Lookup;
import dev.roleusage.spi.PageRequest;
import dev.roleusage.spi.TableRequest;
import dev.roleusage.spi.UsageStore;
import dev.roleusage.spi.UsageTable;
import dev.roleusage.storage.memory.InMemoryUsageStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/** Small hand-made data and test doubles shared by the endpoint tests. */
final class Fixtures {
  static final TenantId ACME = TenantId.of("acme");
  static final Instant NOW = Instant.parse("2025-06-30T12:00:00Z");
  static final Map<String, String> EXPERIMENTAL = Map.of("X-SailPoint-Experimental", "true");
  static final String USAGE = "/role-mining-potential-roles/pr/sources/src/identityUsage";

  private Fixtures() {}

  /**
   * Tenant acme: role pr = {ada (Ada, ada@example.test, used src on 2 days), bob (Bob, no email,
   * 1 day), cy (no name, no email, never)}; role "a/b" = {ada}; role "v1" = {bob}; sources src, quiet.
   */
  static ChangeSet acme() {
    return ChangeSet.builder(ZoneOffset.UTC)
        .identity("ada", "Ada", "ada@example.test")
        .identity("bob", "Bob", null)
        .identity("cy", null, null)
        .membership("pr", "ada").membership("pr", "bob").membership("pr", "cy")
        .membership("a/b", "ada")
        .membership("v1", "bob")
        .source("src", "Source").source("quiet", "Never used")
        .usage("ada", "src", LocalDate.parse("2025-06-30"))
        .usage("ada", "src", LocalDate.parse("2025-06-01"))
        .usage("bob", "src", LocalDate.parse("2025-05-01"))
        .build();
  }

  /** The 200 body of {@code pr}/{@code src} with no sorters (id order), worked out by hand. */
  static final String PR_ROWS = "[{\"id\":\"ada\",\"displayName\":\"Ada\",\"email\":\"ada@example.test\",\"usageCount\":2},"
      + "{\"id\":\"bob\",\"displayName\":\"Bob\",\"usageCount\":1},"
      + "{\"id\":\"cy\",\"usageCount\":0}]";

  static RoleUsage engine(UsageStore store) {
    return RoleUsage.builder(store).clock(Clock.fixed(NOW, ZoneOffset.UTC)).build();
  }

  static RoleUsage acmeEngine() {
    RoleUsage engine = engine(new InMemoryUsageStore());
    engine.apply(ACME, acme());
    return engine;
  }

  /** An endpoint over {@link #acme()} for tenant acme, no rate limit. */
  static IdentityUsageEndpoint.Builder acmeEndpoint() {
    return IdentityUsageEndpoint.builder(acmeEngine()).defaultTenant(ACME).rateLimit(RateLimit.unlimited());
  }

  /** A clock the test moves by hand. */
  static final class MutableClock extends Clock {
    private Instant now;

    MutableClock(Instant start) {
      this.now = start;
    }

    void advance(Duration d) {
      now = now.plus(d);
    }

    @Override
    public Instant instant() {
      return now;
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      throw new UnsupportedOperationException();
    }
  }

  /** A store that counts reads and fails them the way a broken database would. */
  static final class FailingStore implements UsageStore {
    static final String SECRET_MESSAGE = "org.h2.jdbc.JdbcSQLSyntaxErrorException: Table \"USAGE_DAY\" not found;"
        + " SQL statement: SELECT identity_id, COUNT(*) FROM usage_day WHERE tenant_id = ? [42102-224]";
    final AtomicInteger reads = new AtomicInteger();

    @Override
    public void apply(TenantId tenant, ChangeSet changes) {}

    @Override
    public Lookup<UsagePage> readPage(TenantId tenant, PageRequest request) {
      reads.incrementAndGet();
      throw new dev.roleusage.spi.StoreException("query failed: " + SECRET_MESSAGE,
          new java.sql.SQLSyntaxErrorException(SECRET_MESSAGE, "42102"));
    }

    @Override
    public Lookup<UsageTable> readTable(TenantId tenant, TableRequest request) {
      reads.incrementAndGet();
      throw new IllegalStateException(SECRET_MESSAGE);
    }
  }

  /** A store that counts reads and has no data at all. */
  static final class CountingStore implements UsageStore {
    final AtomicInteger reads = new AtomicInteger();
    private final InMemoryUsageStore delegate = new InMemoryUsageStore();

    @Override
    public void apply(TenantId tenant, ChangeSet changes) {
      delegate.apply(tenant, changes);
    }

    @Override
    public Lookup<UsagePage> readPage(TenantId tenant, PageRequest request) {
      reads.incrementAndGet();
      return delegate.readPage(tenant, request);
    }

    @Override
    public Lookup<UsageTable> readTable(TenantId tenant, TableRequest request) {
      reads.incrementAndGet();
      return delegate.readTable(tenant, request);
    }
  }
}
