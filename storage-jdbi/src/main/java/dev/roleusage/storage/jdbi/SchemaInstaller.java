package dev.roleusage.storage.jdbi;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * Applies the versioned schema files of a dialect that a database does not have yet, recording
 * each in {@code ru_schema_version}. Running it again changes nothing. A host that manages its
 * schema with Flyway points Flyway at {@link SqlDialect#schemaLocation()} and builds the store
 * with {@code installSchema(false)}.
 */
final class SchemaInstaller {
  /** Every schema version, oldest first; each has a file {@code V<version>__<description>.sql}. */
  static final List<Migration> MIGRATIONS = List.of(new Migration(1, "roleusage"));

  /** An arbitrary constant: the PostgreSQL advisory lock that makes concurrent installers take turns. */
  private static final long INSTALL_LOCK = 0x726f6c6575736167L; // "roleusag"

  record Migration(int version, String description) {
    String resource(SqlDialect dialect) {
      return dialect.schemaLocation() + "/V" + version + "__" + description + ".sql";
    }
  }

  private SchemaInstaller() {}

  /** Installs what is missing into {@code schema} (quoted), or the connection's default schema when null. */
  static void install(Jdbi jdbi, SqlDialect dialect, String quotedSchema) {
    jdbi.useTransaction(h -> {
      if (dialect == SqlDialect.POSTGRESQL) {
        h.createQuery("SELECT 1 FROM (SELECT pg_advisory_xact_lock(:key)) l").bind("key", INSTALL_LOCK).mapTo(Integer.class).one();
      }
      if (quotedSchema == null) {
        installHere(h, dialect);
        return;
      }
      h.execute("CREATE SCHEMA IF NOT EXISTS " + quotedSchema);
      // The scripts use unqualified names (as Flyway expects), so run them with the schema as the
      // current one, and put the connection back as it was: it belongs to the host's pool.
      if (dialect == SqlDialect.POSTGRESQL) {
        h.execute("SET LOCAL search_path TO " + quotedSchema); // reverts at the end of the transaction
        installHere(h, dialect);
      } else {
        String previous = h.createQuery("SELECT CURRENT_SCHEMA").mapTo(String.class).one();
        h.execute("SET SCHEMA " + quotedSchema);
        try {
          installHere(h, dialect);
        } finally {
          h.execute("SET SCHEMA " + quoteIdentifier(previous));
        }
      }
    });
  }

  private static void installHere(Handle h, SqlDialect dialect) {
    h.execute("CREATE TABLE IF NOT EXISTS ru_schema_version ("
        + " version INTEGER NOT NULL PRIMARY KEY, description VARCHAR(200) NOT NULL)");
    int installed = h.createQuery("SELECT COALESCE(MAX(version), 0) FROM ru_schema_version")
        .mapTo(Integer.class).one();
    for (Migration m : MIGRATIONS) {
      if (m.version() <= installed) {
        continue;
      }
      for (String statement : statements(m.resource(dialect))) {
        h.execute(statement);
      }
      h.createUpdate("INSERT INTO ru_schema_version (version, description) VALUES (:v, :d)")
          .bind("v", m.version()).bind("d", m.description()).execute();
    }
  }

  /** The statements of a schema file: {@code --} comment lines dropped, split at {@code ;} ending a line. */
  static List<String> statements(String resource) {
    String text;
    try (InputStream in = SchemaInstaller.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("schema file " + resource + " is missing from the classpath");
      }
      text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read schema file " + resource, e);
    }
    List<String> statements = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    for (String line : text.split("\n", -1)) {
      String trimmed = line.strip();
      if (trimmed.isEmpty() || trimmed.startsWith("--")) {
        continue;
      }
      if (trimmed.endsWith(";")) {
        current.append(trimmed, 0, trimmed.length() - 1);
        statements.add(current.toString().strip());
        current.setLength(0);
      } else {
        current.append(trimmed).append('\n');
      }
    }
    if (!current.toString().isBlank()) {
      statements.add(current.toString().strip());
    }
    return statements;
  }

  /** {@code name} as a quoted SQL identifier, exactly as spelled (case kept). */
  static String quoteIdentifier(String name) {
    return "\"" + name.replace("\"", "\"\"") + "\"";
  }
}
