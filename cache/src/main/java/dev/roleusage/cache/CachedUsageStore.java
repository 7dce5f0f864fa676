package dev.roleusage.cache;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkState;

import com.github.benmanes.caffeine.cache.AsyncCache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import com.github.benmanes.caffeine.cache.stats.CacheStats;
import dev.roleusage.model.ChangeSet;
import dev.roleusage.model.TenantId;
import dev.roleusage.query.UsagePage;
import dev.roleusage.spi.Lookup;
import dev.roleusage.spi.PageRequest;
import dev.roleusage.spi.StoreException;
import dev.roleusage.spi.TableRequest;
import dev.roleusage.spi.UsageStore;
import dev.roleusage.spi.UsageTable;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;

/**
 * A {@link UsageStore} that keeps, in a <a href="https://github.com/ben-manes/caffeine">Caffeine</a>
 * cache, the usage tables another store computed, and cuts every page from them: repeated pages,
 * later pages and re-sorted pages of a potential role cost microseconds instead of a store read.
 * Invisible except in speed: answers are exactly those of the store behind it.
 *
 * <pre>{@code
 * UsageStore store = CachedUsageStore.wrap(new InMemoryUsageStore());   // defaults
 *
 * CachedUsageStore cached = CachedUsageStore.builder(JdbiUsageStore.forJdbcUrl(url))
 *     .maximumRows(2_000_000)
 *     .expireAfterAccess(Duration.ofMinutes(30))
 *     .recordStats()
 *     .build();
 * double hitRate = cached.stats().hitRate();
 * }</pre>
 *
 * <h2>What is cached</h2>
 * One entry per tenant, potential role, source and 90-day window (so per as-of day): the role's
 * whole table of members with their usage counts, as {@link UsageStore#readTable} returns it,
 * with its sort keys folded once and, lazily, a sorted copy for each order that is paged through.
 * "Potential role not found" and "source not found" answers are cached too. Failures are not:
 * a store exception reaches every reader that waited for that load, and the next read tries the
 * store again. Concurrent misses on one entry cause one store read; the others wait for it.
 *
 * <h2>Never stale</h2>
 * A read that starts after a write through this store has returned sees that write, even when a
 * load of older data was still running while the write happened: each write moves its tenant to a
 * new generation once the store has applied it, and the generation is part of every entry's key,
 * so no read after the write can be served by a load that began before it. A write drops all of
 * its tenant's entries (coarse, simple, and writes are rare next to reads). Writes that bypass
 * this store (another process writing the same database) are not seen until the entries expire or
 * {@link #invalidate(TenantId)} is called.
 *
 * <h2>Bounds</h2>
 * The cache holds at most {@link Builder#maximumRows(long)} rows in all entries together (an
 * entry weighs its row count, at least 1) and evicts least-valuable entries beyond that (Caffeine's
 * W-TinyLFU). Entries expire {@link #DEFAULT_EXPIRE_AFTER_ACCESS 10 minutes} after their last use
 * unless configured otherwise.
 *
 * <p>Thread-safe; one instance serves all tenants without ever sharing an entry between them.
 */
public final class CachedUsageStore implements UsageStore {
  /** Rows held across all entries when {@link Builder#maximumRows(long)} is not called. */
  public static final long DEFAULT_MAXIMUM_ROWS = 250_000;
  /** Idle time after which an entry expires when no expiry is configured. */
  public static final Duration DEFAULT_EXPIRE_AFTER_ACCESS = Duration.ofMinutes(10);

  private final UsageStore delegate;
  private final AsyncCache<TableKey, Lookup<CachedTable>> tables;
  private final Generations generations = new Generations();
  private final boolean recordingStats;

  private CachedUsageStore(Builder b) {
    this.delegate = b.delegate;
    this.recordingStats = b.recordStats;
    Caffeine<TableKey, Lookup<CachedTable>> caffeine = Caffeine.newBuilder()
        .maximumWeight(b.maximumRows)
        .weigher((TableKey key, Lookup<CachedTable> value) -> weight(value));
    if (b.expireAfterAccess == null && b.expireAfterWrite == null) {
      caffeine.expireAfterAccess(DEFAULT_EXPIRE_AFTER_ACCESS);
    }
    if (b.expireAfterAccess != null) {
      caffeine.expireAfterAccess(b.expireAfterAccess);
    }
    if (b.expireAfterWrite != null) {
      caffeine.expireAfterWrite(b.expireAfterWrite);
    }
    if (b.executor != null) {
      caffeine.executor(b.executor);
    }
    if (b.recordStats) {
      caffeine.recordStats();
    }
    if (b.ticker != null) {
      caffeine.ticker(b.ticker);
    }
    this.tables = caffeine.buildAsync();
  }

  /** {@code delegate} behind a cache with the default bounds; stats are not recorded. */
  public static CachedUsageStore wrap(UsageStore delegate) {
    return builder(delegate).build();
  }

  /** Configures a cache in front of {@code delegate}. */
  public static Builder builder(UsageStore delegate) {
    return new Builder(delegate);
  }

  /**
   * Writes through to the store, then drops the tenant's cached tables. The tenant's entries are
   * dropped even when the store throws, since a failed write's outcome may be unknown to the
   * store's caller (a lost commit acknowledgement).
   */
  @Override
  public void apply(TenantId tenant, ChangeSet changes) {
    Objects.requireNonNull(tenant, "tenant");
    Objects.requireNonNull(changes, "changes");
    try {
      delegate.apply(tenant, changes);
    } finally {
      invalidate(tenant);
    }
  }

  @Override
  public Lookup<UsagePage> readPage(TenantId tenant, PageRequest request) {
    Objects.requireNonNull(request, "request");
    Lookup<CachedTable> table = lookup(tenant, request.table());
    if (table instanceof Lookup.Found<CachedTable> found) {
      return Lookup.found(found.value().page(
          request.sorters(), request.offset(), request.limit(), request.count()));
    }
    return notFound(table);
  }

  @Override
  public Lookup<UsageTable> readTable(TenantId tenant, TableRequest request) {
    Objects.requireNonNull(request, "request");
    Lookup<CachedTable> table = lookup(tenant, request);
    if (table instanceof Lookup.Found<CachedTable> found) {
      return Lookup.found(found.value().table());
    }
    return notFound(table);
  }

  /**
   * Forgets everything cached for {@code tenant}: for hosts whose store is also written by
   * something other than this instance. Every read that starts after this returns goes to the
   * store.
   */
  public void invalidate(TenantId tenant) {
    Objects.requireNonNull(tenant, "tenant");
    long generation = generations.advance(tenant);
    // Correctness needs only the new generation; removing the old entries frees their weight
    // (otherwise popular dead entries would crowd out live ones until they expire).
    tables.asMap().keySet().removeIf(k -> k.tenant().equals(tenant) && k.generation() < generation);
  }

  /**
   * Hits, misses, load successes, failures and time, evictions and evicted weight (rows) since
   * this store was built; all zero unless {@link Builder#recordStats()} was called.
   */
  public CacheStats stats() {
    return tables.synchronous().stats();
  }

  /** The number of rows the cache holds now, over all entries (approximately, as Caffeine counts). */
  public long cachedRows() {
    return tables.synchronous().policy().eviction()
        .map(e -> e.weightedSize().orElse(0L))
        .orElse(0L);
  }

  /** The store behind this cache. */
  public UsageStore delegate() {
    return delegate;
  }

  /** Runs Caffeine's pending maintenance (evictions, expiry) now; for tests. */
  void cleanUp() {
    tables.synchronous().cleanUp();
  }

  private Lookup<CachedTable> lookup(TenantId tenant, TableRequest request) {
    Objects.requireNonNull(tenant, "tenant");
    // The generation is read before the entry is looked up or loaded: see Generations.
    TableKey key = new TableKey(tenant, generations.current(tenant), request);
    CompletableFuture<Lookup<CachedTable>> mine = new CompletableFuture<>();
    // The mapping function only publishes an empty future; the load runs below, in this thread
    // and outside Caffeine's map lock, so a slow store never blocks other keys or writers.
    // Readers that arrive meanwhile get the same future and wait for this one load.
    CompletableFuture<Lookup<CachedTable>> future = tables.get(key, (k, executor) -> mine);
    if (future == mine) {
      Lookup<CachedTable> loaded;
      try {
        loaded = load(tenant, request);
      } catch (Throwable e) {
        // Whatever was thrown (even a checked exception thrown sneakily), the future must complete:
        // waiters would otherwise wait forever. Caffeine removes a failed future from the cache, so
        // the next read tries the store again.
        mine.completeExceptionally(e);
        throw e;
      }
      mine.complete(loaded);
      return loaded;
    }
    try {
      return future.join();
    } catch (CompletionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof RuntimeException r) {
        throw r;
      }
      if (cause instanceof Error err) {
        throw err;
      }
      throw new StoreException("loading the usage table failed", cause);
    }
  }

  private Lookup<CachedTable> load(TenantId tenant, TableRequest request) {
    Lookup<UsageTable> read = delegate.readTable(tenant, request);
    if (read == null) {
      throw new StoreException("store " + delegate.getClass().getName() + " returned no lookup");
    }
    if (read instanceof Lookup.Found<UsageTable> found) {
      return Lookup.found(new CachedTable(found.value()));
    }
    return notFound(read);
  }

  private static int weight(Lookup<CachedTable> value) {
    return value instanceof Lookup.Found<CachedTable> found ? Math.max(1, found.value().size()) : 1;
  }

  /** A not-found lookup carries no value, so it is one for any value type. */
  @SuppressWarnings("unchecked")
  private static <T> Lookup<T> notFound(Lookup<?> lookup) {
    return (Lookup<T>) lookup;
  }

  @Override
  public String toString() {
    return "CachedUsageStore{delegate=" + delegate + ", rows=" + cachedRows()
        + (recordingStats ? ", " + stats() : "") + "}";
  }

  /**
   * Configures a {@link CachedUsageStore}. Defaults: {@link #DEFAULT_MAXIMUM_ROWS} rows,
   * {@link #DEFAULT_EXPIRE_AFTER_ACCESS} after access (only when no expiry is set), Caffeine's
   * default executor, no statistics.
   */
  public static final class Builder {
    private final UsageStore delegate;
    private long maximumRows = DEFAULT_MAXIMUM_ROWS;
    private boolean maximumRowsSet;
    private Duration expireAfterAccess;
    private Duration expireAfterWrite;
    private Executor executor;
    private boolean recordStats;
    private Ticker ticker;

    private Builder(UsageStore delegate) {
      this.delegate = Objects.requireNonNull(delegate, "delegate");
    }

    /**
     * The most rows all cached tables may hold together (an entry weighs its row count, at least
     * 1); 0 caches nothing. A row costs roughly 100–250 bytes of heap depending on how much of it
     * the store shares, plus 4 bytes per order kept sorted.
     */
    public Builder maximumRows(long maximumRows) {
      checkState(!maximumRowsSet, "maximumRows was already set to %s", this.maximumRows);
      checkArgument(maximumRows >= 0, "maximumRows must be zero or more, but was %s", maximumRows);
      this.maximumRows = maximumRows;
      this.maximumRowsSet = true;
      return this;
    }

    /** Drops an entry once it has not been read for {@code duration} (positive). */
    public Builder expireAfterAccess(Duration duration) {
      checkState(expireAfterAccess == null, "expireAfterAccess was already set to %s", expireAfterAccess);
      this.expireAfterAccess = checkPositive("expireAfterAccess", duration);
      return this;
    }

    /**
     * Drops an entry {@code duration} (positive) after it was loaded, however often it is read:
     * bounds how long a write that bypasses this store can stay unseen.
     */
    public Builder expireAfterWrite(Duration duration) {
      checkState(expireAfterWrite == null, "expireAfterWrite was already set to %s", expireAfterWrite);
      this.expireAfterWrite = checkPositive("expireAfterWrite", duration);
      return this;
    }

    /**
     * Where Caffeine runs its maintenance (eviction, expiry, removal); default
     * {@link java.util.concurrent.ForkJoinPool#commonPool()}. Store reads always run in the reading
     * thread.
     */
    public Builder executor(Executor executor) {
      this.executor = Objects.requireNonNull(executor, "executor");
      return this;
    }

    /** Records hits, misses, load times and evictions, read with {@link CachedUsageStore#stats()}. */
    public Builder recordStats() {
      this.recordStats = true;
      return this;
    }

    /** The time source of expiry; tests move it by hand. */
    Builder ticker(Ticker ticker) {
      this.ticker = Objects.requireNonNull(ticker, "ticker");
      return this;
    }

    public CachedUsageStore build() {
      return new CachedUsageStore(this);
    }

    private static Duration checkPositive(String name, Duration duration) {
      Objects.requireNonNull(duration, name);
      checkArgument(!duration.isNegative() && !duration.isZero(),
          "%s must be a positive duration, but was %s", name, duration);
      return duration;
    }
  }
}
