package dev.roleusage.cli;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/** A PostgreSQL schema of one test class on 127.0.0.1:5432 (db test, user postgres), made fresh and dropped. */
final class PostgresSchema {
  private static final String SERVER = "jdbc:postgresql://127.0.0.1:5432/test?user=postgres";

  private PostgresSchema() {}

  /** The store URL for {@code schema}, as {@code --store} takes it. */
  static String storeUrl(String schema) {
    return SERVER + "&currentSchema=" + schema;
  }

  /** Drops {@code schema} if it is left from an earlier run, and creates it empty. */
  static void recreate(String schema) throws SQLException {
    execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE", "CREATE SCHEMA " + schema);
  }

  static void drop(String schema) throws SQLException {
    execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
  }

  private static void execute(String... statements) throws SQLException {
    try (Connection c = DriverManager.getConnection(SERVER); Statement s = c.createStatement()) {
      for (String sql : statements) {
        s.execute(sql);
      }
    }
  }
}
