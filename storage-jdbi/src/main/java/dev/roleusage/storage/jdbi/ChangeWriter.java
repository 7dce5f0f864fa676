package dev.roleusage.storage.jdbi;

import dev.roleusage.model.ChangeSet;
import dev.roleusage.model.Identity;
import dev.roleusage.model.Membership;
import dev.roleusage.model.PotentialRole;
import dev.roleusage.model.Source;
import dev.roleusage.model.TenantId;
import dev.roleusage.model.UsageDay;
import dev.roleusage.order.TextOrder;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.Update;

/**
 * Writes one change set inside the caller's transaction, table by table, in chunks of
 * {@link #CHUNK_ROWS} rows. Each chunk is one statement that binds one array per column and
 * inserts the rows with {@code UNNEST}: a few binds per statement whatever the size (never near
 * PostgreSQL's 65,535), and one round trip and one plan per chunk instead of per row.
 *
 * <p>Text sort keys follow {@link TextOrder}: the case fold ({@link TextOrder#fold}, Locale.ROOT)
 * is computed here in Java; the database only encodes the folded and original text as UTF-8
 * bytes ({@code convert_to} / {@code STRINGTOUTF8}), which is exactly {@link TextOrder#sortKey}
 * and {@link TextOrder#tieKey} and involves no collation.
 */
final class ChangeWriter {
  /** Rows per statement: large enough to amortise round trips, small enough to bound memory. */
  static final int CHUNK_ROWS = 10_000;

  private final Statements sql;

  ChangeWriter(Statements sql) {
    this.sql = sql;
  }

  Statements statements() {
    return sql;
  }

  void write(Handle h, TenantId tenant, ChangeSet changes) {
    List<Identity> identities = changes.identities();
    chunked(h, sql.upsertIdentities, tenant, identities, (u, rows) -> u
        .bindArray("ids", String.class, map(rows, Identity::id))
        .bindArray("names", String.class, map(rows, Identity::displayName))
        .bindArray("folded_names", String.class, map(rows, i -> foldOrNull(i.displayName())))
        .bindArray("emails", String.class, map(rows, Identity::email))
        .bindArray("folded_emails", String.class, map(rows, i -> foldOrNull(i.email()))));
    chunked(h, sql.upsertPotentialRoles, tenant, changes.potentialRoles(), (u, rows) -> u
        .bindArray("ids", String.class, map(rows, PotentialRole::id))
        .bindArray("names", String.class, map(rows, PotentialRole::name)));
    chunked(h, sql.upsertSources, tenant, changes.sources(), (u, rows) -> u
        .bindArray("ids", String.class, map(rows, Source::id))
        .bindArray("names", String.class, map(rows, Source::name)));

    // A role is known once a membership names it, a source once usage names it (as in the
    // memory store): insert them if absent, without touching a declared one's name.
    Set<String> impliedRoles = new LinkedHashSet<>();
    changes.memberships().forEach(m -> impliedRoles.add(m.potentialRoleId()));
    changes.potentialRoles().forEach(r -> impliedRoles.remove(r.id()));
    chunked(h, sql.ensurePotentialRoles, tenant, new ArrayList<>(impliedRoles),
        (u, rows) -> u.bindArray("ids", String.class, rows));
    Set<String> impliedSources = new LinkedHashSet<>();
    changes.usage().forEach(d -> impliedSources.add(d.sourceId()));
    changes.sources().forEach(s -> impliedSources.remove(s.id()));
    chunked(h, sql.ensureSources, tenant, new ArrayList<>(impliedSources),
        (u, rows) -> u.bindArray("ids", String.class, rows));

    chunked(h, sql.insertMemberships, tenant, new ArrayList<>(changes.memberships()), (u, rows) -> u
        .bindArray("roles", String.class, map(rows, Membership::potentialRoleId))
        .bindArray("ids", String.class, map(rows, Membership::identityId)));
    chunked(h, sql.insertUsageDays, tenant, new ArrayList<>(changes.usage()), (u, rows) -> u
        .bindArray("sources", String.class, map(rows, UsageDay::sourceId))
        .bindArray("ids", String.class, map(rows, UsageDay::identityId))
        .bindArray("days", Integer.class, map(rows, UsageDay::epochDay)));
  }

  private static String foldOrNull(String value) {
    return value == null ? null : TextOrder.fold(value);
  }

  private interface ChunkBinder<T> {
    void bind(Update update, List<T> rows);
  }

  private static <T> void chunked(Handle h, String statement, TenantId tenant, List<T> rows, ChunkBinder<T> binder) {
    for (int from = 0; from < rows.size(); from += CHUNK_ROWS) {
      List<T> chunk = rows.subList(from, Math.min(rows.size(), from + CHUNK_ROWS));
      try (Update update = h.createUpdate(statement)) {
        update.bind("tenant", tenant.value());
        binder.bind(update, chunk);
        update.execute();
      }
    }
  }

  private static <T, R> List<R> map(Collection<T> rows, Function<T, R> f) {
    List<R> out = new ArrayList<>(rows.size());
    for (T row : rows) {
      out.add(f.apply(row));
    }
    return out;
  }
}
