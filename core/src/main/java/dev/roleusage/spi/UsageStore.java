package dev.roleusage.spi;

import dev.roleusage.model.ChangeSet;
import dev.roleusage.model.TenantId;
import dev.roleusage.query.UsagePage;

/**
 * Where identities, potential roles, memberships and usage days live: the SPI every storage
 * adapter implements (in-memory, SQL, a cache in front of another store).
 *
 * <p>Every implementation must give exactly the rows, order and totals of CONTRACT §2–§4 for the
 * same data; the contract suite in roleusage-core's test-jar ({@code UsageStoreContract}) checks
 * that. Implementations are thread-safe.
 *
 * <h2>Reads</h2>
 * {@link #readPage} is the hot path: a store that can (SQL) counts, sorts and pages where the data
 * is; a store in memory selects the page instead of sorting everything. {@link #readTable} returns
 * all rows unsorted, for callers (a cache) that cut many pages from one read. Both read one
 * consistent snapshot: the total and the page never disagree, and a read never sees part of a
 * change set.
 *
 * <h2>Writes</h2>
 * {@link #apply} writes one change set all-or-nothing, and what it wrote is visible to every read
 * that starts after it returns.
 */
public interface UsageStore {
  /**
   * Writes {@code changes} for {@code tenant} atomically: after it returns every read sees all of
   * it; if it throws, no read ever sees any of it.
   *
   * @throws dev.roleusage.model.InvalidRecordException a record breaks a rule the store enforces
   * @throws StoreException the store failed; nothing was written
   */
  void apply(TenantId tenant, ChangeSet changes);

  /**
   * One page of the role's members, sorted by {@code request.sorters()} then id, with the total
   * when {@code request.count()} (else the total may be left empty).
   *
   * @throws StoreException the store failed
   */
  Lookup<UsagePage> readPage(TenantId tenant, PageRequest request);

  /**
   * All of the role's members with their counts, unsorted.
   *
   * @throws StoreException the store failed
   */
  Lookup<UsageTable> readTable(TenantId tenant, TableRequest request);
}
