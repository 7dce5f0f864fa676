package dev.roleusage.storage.jdbi;

import dev.roleusage.model.TenantId;
import dev.roleusage.query.IdentityUsage;
import dev.roleusage.query.UsagePage;
import dev.roleusage.spi.Lookup;
import dev.roleusage.spi.PageRequest;
import dev.roleusage.spi.TableRequest;
import dev.roleusage.spi.UsageTable;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.OptionalLong;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.Query;
import org.jdbi.v3.core.statement.StatementContext;

/**
 * Reads inside the caller's (repeatable-read) transaction, so the existence checks, the total and
 * the page all see one snapshot. Every bind is a scalar: a role's members are found by a join,
 * never by binding one parameter per member.
 */
final class UsageReader {
  private final Statements sql;

  UsageReader(Statements sql) {
    this.sql = sql;
  }

  Lookup<UsagePage> readPage(Handle h, TenantId tenant, PageRequest request) {
    long[] found = lookup(h, tenant, request.potentialRoleId(), request.sourceId());
    Lookup<UsagePage> missing = missing(found, request.potentialRoleId(), request.sourceId());
    if (missing != null) {
      return missing;
    }
    long total = found[2];
    List<IdentityUsage> rows = List.of();
    // Nothing to fetch past the end or for limit 0: skip the query (the total is already known).
    if (request.limit() > 0 && request.offset() < total) {
      Query q = h.createQuery(sql.page(request.sorters()))
          .bind("offset", request.offset())
          .bind("limit", request.limit());
      rows = bindTable(q, tenant, request.table()).map(UsageReader::row).list();
    }
    return Lookup.found(UsagePage.of(rows, request.count() ? OptionalLong.of(total) : OptionalLong.empty()));
  }

  Lookup<UsageTable> readTable(Handle h, TenantId tenant, TableRequest request) {
    long[] found = lookup(h, tenant, request.potentialRoleId(), request.sourceId());
    Lookup<UsageTable> missing = missing(found, request.potentialRoleId(), request.sourceId());
    if (missing != null) {
      return missing;
    }
    if (found[2] == 0) {
      return Lookup.found(UsageTable.of(List.of()));
    }
    List<IdentityUsage> rows = bindTable(h.createQuery(sql.table()), tenant, request).map(UsageReader::row).list();
    return Lookup.found(UsageTable.of(rows));
  }

  /** {roles with this id, sources with this id, members of the role}. */
  private long[] lookup(Handle h, TenantId tenant, String roleId, String sourceId) {
    return h.createQuery(sql.lookupAndTotal)
        .bind("tenant", tenant.value())
        .bind("role", roleId)
        .bind("source", sourceId)
        .map((rs, ctx) -> new long[] {rs.getLong(1), rs.getLong(2), rs.getLong(3)})
        .one();
  }

  /** The role is checked before the source, as in every store. */
  private static <T> Lookup<T> missing(long[] found, String roleId, String sourceId) {
    if (found[0] == 0) {
      return new Lookup.PotentialRoleNotFound<>(roleId);
    }
    if (found[1] == 0) {
      return new Lookup.SourceNotFound<>(sourceId);
    }
    return null;
  }

  private static Query bindTable(Query q, TenantId tenant, TableRequest request) {
    return q.bind("tenant", tenant.value())
        .bind("role", request.potentialRoleId())
        .bind("source", request.sourceId())
        .bind("first", request.window().firstEpochDay())
        .bind("last", request.window().lastEpochDay());
  }

  private static IdentityUsage row(ResultSet rs, StatementContext ctx) throws SQLException {
    return new IdentityUsage(rs.getString(1), rs.getString(2), rs.getString(3), rs.getInt(4));
  }
}
