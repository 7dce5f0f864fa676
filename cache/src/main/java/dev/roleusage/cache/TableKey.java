package dev.roleusage.cache;

import dev.roleusage.model.TenantId;
import dev.roleusage.spi.TableRequest;

/**
 * What one cache entry answers: the usage table of one potential role and source, in one window
 * (so the as-of day is part of it), for one tenant, as of one write generation of that tenant.
 *
 * <p>The generation is what makes the cache never stale: a write through {@link CachedUsageStore}
 * moves its tenant to the next generation after the store has applied it, so every read that
 * starts later asks for a key no earlier load could have filled (see {@link Generations}).
 */
record TableKey(TenantId tenant, long generation, TableRequest table) {}
