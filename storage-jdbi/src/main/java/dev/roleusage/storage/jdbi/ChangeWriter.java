package dev.roleusage.storage.jdbi;

import dev.roleusage.model.ChangeSet;
import dev.roleusage.model.Identity;
import dev.roleusage.model.Membership;
import dev.roleusage.model.TenantId;
import dev.roleusage.model.UsageDay;
import dev.roleusage.order.TextOrder;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.function.BiConsumer;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.PreparedBatch;

/**
 * Writes one change set inside the caller's transaction, table by table, as JDBC batches. Sort keys
 * are computed here, in Java, once per write (CONTRACT §3 order without database collations).
 */
final class ChangeWriter {
  /** Rows per JDBC batch: large enough to amortise round trips, small enough to bound memory. */
  static final int BATCH_ROWS = 5_000;

  private final Statements sql;

  ChangeWriter(Statements sql) {
    this.sql = sql;
  }

  Statements statements() {
    return sql;
  }

  void write(Handle h, TenantId tenant, ChangeSet changes) {
    String t = tenant.value();
    batch(h, sql.upsertIdentity, changes.identities(), (b, i) -> bindIdentity(b, t, i));
    batch(h, sql.upsertPotentialRole, changes.potentialRoles(),
        (b, r) -> b.bind(0, t).bind(1, r.id()).bind(2, r.name()));
    batch(h, sql.upsertSource, changes.sources(), (b, s) -> b.bind(0, t).bind(1, s.id()).bind(2, s.name()));

    // A role is known once a membership names it, a source once usage names it (as in the
    // memory store): insert them if absent, without touching a declared one's name.
    Set<String> declaredRoles = new LinkedHashSet<>();
    changes.potentialRoles().forEach(r -> declaredRoles.add(r.id()));
    Set<String> impliedRoles = new LinkedHashSet<>();
    for (Membership m : changes.memberships()) {
      if (!declaredRoles.contains(m.potentialRoleId())) {
        impliedRoles.add(m.potentialRoleId());
      }
    }
    batch(h, sql.ensurePotentialRole, impliedRoles, (b, id) -> b.bind(0, t).bind(1, id));

    Set<String> declaredSources = new LinkedHashSet<>();
    changes.sources().forEach(s -> declaredSources.add(s.id()));
    Set<String> impliedSources = new LinkedHashSet<>();
    for (UsageDay u : changes.usage()) {
      if (!declaredSources.contains(u.sourceId())) {
        impliedSources.add(u.sourceId());
      }
    }
    batch(h, sql.ensureSource, impliedSources, (b, id) -> b.bind(0, t).bind(1, id));

    batch(h, sql.insertMembership, changes.memberships(), (b, m) -> b.bind(0, t).bind(1, m.potentialRoleId())
        .bind(2, m.identityId()).bind(3, m.identityId().getBytes(StandardCharsets.UTF_8)));
    batch(h, sql.insertUsageDay, changes.usage(), (b, u) -> b.bind(0, t).bind(1, u.sourceId())
        .bind(2, u.identityId()).bind(3, u.epochDay()));
  }

  private static void bindIdentity(PreparedBatch b, String tenant, Identity i) {
    String name = i.displayName();
    String email = i.email();
    b.bind(0, tenant).bind(1, i.id())
        .bind(2, name).bind(3, name == null ? null : TextOrder.sortKey(name))
        .bind(4, name == null ? null : TextOrder.tieKey(name))
        .bind(5, email).bind(6, email == null ? null : TextOrder.sortKey(email))
        .bind(7, email == null ? null : TextOrder.tieKey(email));
  }

  private static <T> void batch(Handle h, String statement, Collection<T> rows, BiConsumer<PreparedBatch, T> binder) {
    if (rows.isEmpty()) {
      return;
    }
    PreparedBatch batch = h.prepareBatch(statement);
    try {
      for (T row : rows) {
        binder.accept(batch, row);
        batch.add();
        if (batch.size() == BATCH_ROWS) {
          batch.execute();
          batch.close();
          batch = h.prepareBatch(statement);
        }
      }
      if (batch.size() > 0) {
        batch.execute();
      }
    } finally {
      batch.close();
    }
  }
}
