package dev.roleusage.storage.jdbi;

import dev.roleusage.query.Sorter;
import java.util.List;

/**
 * The SQL the store runs, for one dialect and one schema. Table names are qualified with the
 * schema (when one is configured) so that the store never changes a connection's search path or
 * current schema on the host's pool.
 */
final class Statements {
  final String upsertIdentity;
  final String upsertPotentialRole;
  final String ensurePotentialRole;
  final String upsertSource;
  final String ensureSource;
  final String insertMembership;
  final String insertUsageDay;
  final String lookupAndTotal;
  /** Statements that refresh the planner's statistics of the big tables. */
  final List<String> analyze;
  private final String table;

  Statements(SqlDialect dialect, String schemaPrefix) {
    String identity = schemaPrefix + "ru_identity";
    String role = schemaPrefix + "ru_potential_role";
    String source = schemaPrefix + "ru_source";
    String membership = schemaPrefix + "ru_membership";
    String usage = schemaPrefix + "ru_usage_day";
    String identityColumns =
        "(tenant, id, display_name, display_name_key, display_name_tie, email, email_key, email_tie)";
    if (dialect == SqlDialect.POSTGRESQL) {
      upsertIdentity = "INSERT INTO " + identity + " " + identityColumns + " VALUES (?, ?, ?, ?, ?, ?, ?, ?)"
          + " ON CONFLICT (tenant, id) DO UPDATE SET display_name = EXCLUDED.display_name,"
          + " display_name_key = EXCLUDED.display_name_key, display_name_tie = EXCLUDED.display_name_tie,"
          + " email = EXCLUDED.email, email_key = EXCLUDED.email_key, email_tie = EXCLUDED.email_tie";
      upsertPotentialRole = "INSERT INTO " + role + " (tenant, id, name) VALUES (?, ?, ?)"
          + " ON CONFLICT (tenant, id) DO UPDATE SET name = EXCLUDED.name";
      ensurePotentialRole = "INSERT INTO " + role + " (tenant, id) VALUES (?, ?) ON CONFLICT DO NOTHING";
      upsertSource = "INSERT INTO " + source + " (tenant, id, name) VALUES (?, ?, ?)"
          + " ON CONFLICT (tenant, id) DO UPDATE SET name = EXCLUDED.name";
      ensureSource = "INSERT INTO " + source + " (tenant, id) VALUES (?, ?) ON CONFLICT DO NOTHING";
      insertMembership = "INSERT INTO " + membership + " (tenant, role_id, identity_id, identity_key)"
          + " VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING";
      insertUsageDay = "INSERT INTO " + usage + " (tenant, source_id, identity_id, epoch_day)"
          + " VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING";
    } else {
      // H2 has INSERT … ON CONFLICT only in its PostgreSQL mode, which a host's URL may not set;
      // MERGE … KEY is an upsert in every mode. "Insert if absent" uses MERGE … USING so that an
      // implied role or source never overwrites the name of a declared one.
      upsertIdentity = "MERGE INTO " + identity + " " + identityColumns + " KEY (tenant, id)"
          + " VALUES (?, ?, ?, ?, ?, ?, ?, ?)";
      upsertPotentialRole = "MERGE INTO " + role + " (tenant, id, name) KEY (tenant, id) VALUES (?, ?, ?)";
      ensurePotentialRole = insertIfAbsent(role);
      upsertSource = "MERGE INTO " + source + " (tenant, id, name) KEY (tenant, id) VALUES (?, ?, ?)";
      ensureSource = insertIfAbsent(source);
      insertMembership = "MERGE INTO " + membership + " (tenant, role_id, identity_id, identity_key)"
          + " KEY (tenant, role_id, identity_id) VALUES (?, ?, ?, ?)";
      insertUsageDay = "MERGE INTO " + usage + " (tenant, source_id, identity_id, epoch_day)"
          + " KEY (tenant, source_id, identity_id, epoch_day) VALUES (?, ?, ?, ?)";
    }
    analyze = dialect == SqlDialect.POSTGRESQL
        ? List.of("ANALYZE " + identity + ", " + membership + ", " + usage)
        : List.of("ANALYZE TABLE " + identity, "ANALYZE TABLE " + membership, "ANALYZE TABLE " + usage);
    // Existence and member count in one round trip, inside the read's transaction.
    lookupAndTotal = "SELECT"
        + " (SELECT COUNT(*) FROM " + role + " WHERE tenant = :tenant AND id = :role) AS roles,"
        + " (SELECT COUNT(*) FROM " + source + " WHERE tenant = :tenant AND id = :source) AS sources,"
        + " (SELECT COUNT(*) FROM " + membership + " WHERE tenant = :tenant AND role_id = :role) AS members";
    // Members with their distinct usage days in the window (the primary key makes days distinct,
    // so COUNT(*) counts distinct days). The count is a correlated subquery on purpose: it is
    // always one range probe of the usage primary key per member, a plan that stays right when
    // the tables have no statistics yet (a join there lets PostgreSQL pick a nested loop that
    // scans the whole window once per member). The LEFT JOIN keeps members that no identity
    // record describes (id only).
    table = "SELECT m.identity_id, i.display_name, i.email,"
        + " (SELECT COUNT(*) FROM " + usage + " u WHERE u.tenant = m.tenant AND u.source_id = :source"
        + "   AND u.identity_id = m.identity_id AND u.epoch_day BETWEEN :first AND :last) AS usage_count"
        + " FROM " + membership + " m"
        + " LEFT JOIN " + identity + " i ON i.tenant = m.tenant AND i.id = m.identity_id"
        + " WHERE m.tenant = :tenant AND m.role_id = :role";
  }

  private static String insertIfAbsent(String table) {
    return "MERGE INTO " + table + " t USING (VALUES (CAST(? AS VARCHAR(128)), CAST(? AS VARCHAR(128))))"
        + " AS s (tenant, id) ON t.tenant = s.tenant AND t.id = s.id"
        + " WHEN NOT MATCHED THEN INSERT (tenant, id) VALUES (s.tenant, s.id)";
  }

  /** Every member of the role with its count, in no particular order. */
  String table() {
    return table;
  }

  /**
   * One page in the order of CONTRACT §3: each sorter on its binary keys (a missing value last in
   * both directions, written out because H2 and PostgreSQL place NULLs differently by default),
   * then the id's UTF-8 bytes, which are unique, so the order is total.
   */
  String page(List<Sorter> sorters) {
    StringBuilder sql = new StringBuilder(table).append(" ORDER BY ");
    for (Sorter s : sorters) {
      String direction = s.descending() ? " DESC" : " ASC";
      switch (s.field()) {
        case DISPLAY_NAME:
          sql.append("i.display_name_key").append(direction).append(" NULLS LAST, ")
              .append("i.display_name_tie").append(direction).append(" NULLS LAST, ");
          break;
        case EMAIL:
          sql.append("i.email_key").append(direction).append(" NULLS LAST, ")
              .append("i.email_tie").append(direction).append(" NULLS LAST, ");
          break;
        case USAGE_COUNT:
          sql.append("usage_count").append(direction).append(", ");
          break;
        default:
          throw new AssertionError(s.field());
      }
    }
    return sql.append("m.identity_key ASC OFFSET :offset ROWS FETCH NEXT :limit ROWS ONLY").toString();
  }
}
