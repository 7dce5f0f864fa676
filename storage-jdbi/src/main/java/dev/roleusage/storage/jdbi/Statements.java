package dev.roleusage.storage.jdbi;

import dev.roleusage.query.Sorter;
import java.util.List;

/**
 * The SQL the store runs, for one dialect and one schema. Table names are qualified with the
 * schema (when one is configured) so that the store never changes a connection's search path or
 * current schema on the host's pool.
 */
final class Statements {
  final String upsertIdentities;
  final String upsertPotentialRoles;
  final String ensurePotentialRoles;
  final String upsertSources;
  final String ensureSources;
  final String insertMemberships;
  final String insertUsageDays;
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
    // Writes bind one array per column (named :ids, :names, …) and the tenant once; rows come
    // out of UNNEST. Identity sort keys are UTF-8 encodings of text folded in Java.
    if (dialect == SqlDialect.POSTGRESQL) {
      upsertIdentities = "INSERT INTO " + identity + " (tenant, id, display_name, display_name_key,"
          + " display_name_tie, email, email_key, email_tie)"
          + " SELECT :tenant, x.id, x.name, convert_to(x.folded_name, 'UTF8'), convert_to(x.name, 'UTF8'),"
          + " x.email, convert_to(x.folded_email, 'UTF8'), convert_to(x.email, 'UTF8')"
          + " FROM unnest(" + pgText(":ids") + ", " + pgText(":names") + ", " + pgText(":folded_names") + ", "
          + pgText(":emails") + ", " + pgText(":folded_emails") + ") AS x (id, name, folded_name, email, folded_email)"
          + " ON CONFLICT (tenant, id) DO UPDATE SET display_name = EXCLUDED.display_name,"
          + " display_name_key = EXCLUDED.display_name_key, display_name_tie = EXCLUDED.display_name_tie,"
          + " email = EXCLUDED.email, email_key = EXCLUDED.email_key, email_tie = EXCLUDED.email_tie";
      upsertPotentialRoles = pgUpsertNamed(role);
      upsertSources = pgUpsertNamed(source);
      ensurePotentialRoles = pgEnsure(role);
      ensureSources = pgEnsure(source);
      insertMemberships = "INSERT INTO " + membership + " (tenant, role_id, identity_id, identity_key)"
          + " SELECT :tenant, x.role_id, x.id, convert_to(x.id, 'UTF8')"
          + " FROM unnest(" + pgText(":roles") + ", " + pgText(":ids") + ") AS x (role_id, id)"
          + " ON CONFLICT DO NOTHING";
      insertUsageDays = "INSERT INTO " + usage + " (tenant, source_id, identity_id, epoch_day)"
          + " SELECT :tenant, x.source_id, x.id, x.epoch_day"
          + " FROM unnest(" + pgText(":sources") + ", " + pgText(":ids") + ", CAST(:days AS INTEGER[]))"
          + " AS x (source_id, id, epoch_day) ON CONFLICT DO NOTHING";
    } else {
      // H2 has INSERT … ON CONFLICT only in its PostgreSQL mode, which a host's URL may not set;
      // MERGE … USING works in every mode.
      upsertIdentities = "MERGE INTO " + identity + " t USING (SELECT * FROM UNNEST(" + h2Text(":ids") + ", "
          + h2Text(":names") + ", " + h2Text(":folded_names") + ", " + h2Text(":emails") + ", "
          + h2Text(":folded_emails") + ") AS x (id, name, folded_name, email, folded_email)) s"
          + " ON t.tenant = :tenant AND t.id = s.id"
          + " WHEN MATCHED THEN UPDATE SET display_name = s.name, display_name_key = STRINGTOUTF8(s.folded_name),"
          + " display_name_tie = STRINGTOUTF8(s.name), email = s.email, email_key = STRINGTOUTF8(s.folded_email),"
          + " email_tie = STRINGTOUTF8(s.email)"
          + " WHEN NOT MATCHED THEN INSERT (tenant, id, display_name, display_name_key, display_name_tie,"
          + " email, email_key, email_tie) VALUES (:tenant, s.id, s.name, STRINGTOUTF8(s.folded_name),"
          + " STRINGTOUTF8(s.name), s.email, STRINGTOUTF8(s.folded_email), STRINGTOUTF8(s.email))";
      upsertPotentialRoles = h2UpsertNamed(role);
      upsertSources = h2UpsertNamed(source);
      ensurePotentialRoles = h2Ensure(role);
      ensureSources = h2Ensure(source);
      insertMemberships = "MERGE INTO " + membership + " t USING (SELECT * FROM UNNEST("
          + h2Text(":roles") + ", " + h2Text(":ids") + ") AS x (role_id, id)) s"
          + " ON t.tenant = :tenant AND t.role_id = s.role_id AND t.identity_id = s.id"
          + " WHEN NOT MATCHED THEN INSERT (tenant, role_id, identity_id, identity_key)"
          + " VALUES (:tenant, s.role_id, s.id, STRINGTOUTF8(s.id))";
      insertUsageDays = "MERGE INTO " + usage + " t USING (SELECT * FROM UNNEST("
          + h2Text(":sources") + ", " + h2Text(":ids") + ", CAST(:days AS INTEGER ARRAY)) AS x (source_id, id, epoch_day)) s"
          + " ON t.tenant = :tenant AND t.source_id = s.source_id AND t.identity_id = s.id AND t.epoch_day = s.epoch_day"
          + " WHEN NOT MATCHED THEN INSERT (tenant, source_id, identity_id, epoch_day)"
          + " VALUES (:tenant, s.source_id, s.id, s.epoch_day)";
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

  private static String pgText(String parameter) {
    return "CAST(" + parameter + " AS VARCHAR[])";
  }

  private static String h2Text(String parameter) {
    return "CAST(" + parameter + " AS VARCHAR ARRAY)";
  }

  private static String pgUpsertNamed(String table) {
    return "INSERT INTO " + table + " (tenant, id, name) SELECT :tenant, x.id, x.name"
        + " FROM unnest(" + pgText(":ids") + ", " + pgText(":names") + ") AS x (id, name)"
        + " ON CONFLICT (tenant, id) DO UPDATE SET name = EXCLUDED.name";
  }

  private static String pgEnsure(String table) {
    return "INSERT INTO " + table + " (tenant, id) SELECT :tenant, x.id FROM unnest(" + pgText(":ids") + ") AS x (id)"
        + " ON CONFLICT DO NOTHING";
  }

  private static String h2UpsertNamed(String table) {
    return "MERGE INTO " + table + " t USING (SELECT * FROM UNNEST(" + h2Text(":ids") + ", " + h2Text(":names")
        + ") AS x (id, name)) s ON t.tenant = :tenant AND t.id = s.id"
        + " WHEN MATCHED THEN UPDATE SET name = s.name"
        + " WHEN NOT MATCHED THEN INSERT (tenant, id, name) VALUES (:tenant, s.id, s.name)";
  }

  /** Insert if absent: an implied role or source never overwrites the name of a declared one. */
  private static String h2Ensure(String table) {
    return "MERGE INTO " + table + " t USING (SELECT * FROM UNNEST(" + h2Text(":ids") + ") AS x (id)) s"
        + " ON t.tenant = :tenant AND t.id = s.id WHEN NOT MATCHED THEN INSERT (tenant, id) VALUES (:tenant, s.id)";
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
