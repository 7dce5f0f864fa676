package dev.roleusage.storage.jdbi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.roleusage.model.TenantId;
import dev.roleusage.query.UsageWindow;
import dev.roleusage.spi.PageRequest;
import dev.roleusage.spi.StoreException;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import org.h2.jdbcx.JdbcConnectionPool;
import org.h2.jdbcx.JdbcDataSource;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;

class SchemaInstallerTest {
  private static final Set<String> TABLES = Set.of(
      "ru_identity", "ru_potential_role", "ru_source", "ru_membership", "ru_usage_day", "ru_schema_version");

  @Test
  void everyVersionHasAFlywayNamedFileForEveryDialect() {
    for (SqlDialect dialect : SqlDialect.values()) {
      for (SchemaInstaller.Migration m : SchemaInstaller.MIGRATIONS) {
        String resource = m.resource(dialect);
        assertThat(resource).matches("db/roleusage/(h2|postgresql)/V[0-9]+__[a-z0-9_]+\\.sql");
        List<String> statements = SchemaInstaller.statements(resource);
        assertThat(statements).hasSize(5).allSatisfy(s -> assertThat(s).startsWith("CREATE TABLE IF NOT EXISTS ru_"));
      }
    }
  }

  @Test
  void installingTwiceOnH2ChangesNothingAndLeavesTheConnectionsSchemaAlone() {
    JdbcDataSource h2 = new JdbcDataSource();
    h2.setURL("jdbc:h2:mem:installer-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
    JdbcConnectionPool pool = JdbcConnectionPool.create(h2);
    pool.setMaxConnections(1); // one physical connection: the one the installer used
    try {
      JdbiUsageStore.builder(pool).schema("ru_app").build();
      JdbiUsageStore.builder(pool).schema("ru_app").build();
      Jdbi jdbi = Jdbi.create(pool);
      assertThat(list(jdbi, "SELECT CURRENT_SCHEMA"))
          .containsExactly("PUBLIC");
      assertThat(tables(jdbi, "ru_app")).containsExactlyInAnyOrderElementsOf(TABLES);
      assertThat(list(jdbi, "SELECT version || ':' || description FROM \"ru_app\".ru_schema_version"))
          .containsExactly("1:roleusage");
    } finally {
      PostgresSchema.execute(pool, "SHUTDOWN");
      pool.dispose();
    }
  }

  @Test
  void installingTwiceOnPostgresChangesNothingAndLeavesTheSearchPathAlone() {
    try (PostgresSchema db = PostgresSchema.create(SchemaInstallerTest.class)) {
      JdbiUsageStore.builder(db.pool).schema(db.name).build(); // a second time
      Jdbi jdbi = Jdbi.create(db.pool);
      assertThat(tables(jdbi, db.name)).containsExactlyInAnyOrderElementsOf(TABLES);
      assertThat(list(jdbi, "SELECT version || ':' || description FROM \"" + db.name + "\".ru_schema_version"))
          .containsExactly("1:roleusage");
      assertThat(list(jdbi, "SHOW search_path")).containsExactly("\"$user\", public");
    }
  }

  @Test
  void withoutTheSchemaEveryCallIsAStoreExceptionWithoutSqlText() {
    try (PostgresSchema db = PostgresSchema.create(SchemaInstallerTest.class)) {
      String empty = db.name + "_empty";
      PostgresSchema.execute(db.pool, "CREATE SCHEMA \"" + empty + "\"");
      try {
        JdbiUsageStore store = JdbiUsageStore.builder(db.pool).schema(empty).installSchema(false).build();
        assertThatThrownBy(() -> store.readPage(TenantId.of("t"), new PageRequest("pr", "src",
            UsageWindow.endingOn(LocalDate.of(2025, 6, 30)), List.of(), 0, 10, true)))
            .isInstanceOf(StoreException.class)
            .hasMessageContaining("SQLState 42P01") // undefined table
            .satisfies(e -> assertThat(e.getMessage()).doesNotContainIgnoringCase("select").doesNotContain("ru_"));
      } finally {
        PostgresSchema.execute(db.pool, "DROP SCHEMA \"" + empty + "\" CASCADE");
      }
    }
  }

  private static List<String> tables(Jdbi jdbi, String schema) {
    // Lower-cased here with Locale.ROOT: H2's LOWER() uses the JVM's locale, and this JVM runs in
    // Turkish, where "I" lower-cases to a dotless "ı" (the very trap the store's sort keys avoid).
    return list(jdbi, "SELECT table_name FROM information_schema.tables WHERE table_schema = '" + schema + "'")
        .stream().map(t -> t.toLowerCase(Locale.ROOT)).toList();
  }

  private static List<String> list(Jdbi jdbi, String sql) {
    try (Handle h = jdbi.open()) {
      return h.createQuery(sql).mapTo(String.class).list();
    }
  }
}
