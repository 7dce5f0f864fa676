package dev.roleusage.storage.jdbi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.roleusage.model.ChangeSet;
import dev.roleusage.model.TenantId;
import dev.roleusage.query.UsageWindow;
import dev.roleusage.spi.Lookup;
import dev.roleusage.spi.PageRequest;
import dev.roleusage.spi.StoreException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

class JdbiUsageStoreBuilderTest {
  private static final TenantId TENANT = TenantId.of("t");
  private static final PageRequest PAGE = new PageRequest("pr", "src",
      UsageWindow.endingOn(LocalDate.of(2025, 6, 30)), List.of(), 0, 10, true);
  private static final ChangeSet ONE_MEMBER = ChangeSet.builder(ZoneOffset.UTC)
      .membership("pr", "a").usage("a", "src", LocalDate.of(2025, 6, 30)).build();

  @Test
  void forJdbcUrlRefusesOtherDatabasesWithoutEchoingTheUrl() {
    assertThatThrownBy(() -> JdbiUsageStore.forJdbcUrl("jdbc:mysql://db/x?password=secret"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("jdbc:h2:").hasMessageContaining("jdbc:postgresql:")
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("secret"));
  }

  @Test
  void schemaNamesAreCheckedUpFront() {
    JdbiUsageStore.Builder builder = JdbiUsageStore.builder(new JdbcDataSource());
    for (String bad : List.of("", "1abc", "has-dash", "x\"; DROP TABLE y", "a".repeat(64))) {
      assertThatThrownBy(() -> builder.schema(bad)).isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("schema must be");
    }
    assertThat(builder.schema("Roleusage_1")).isSameAs(builder);
  }

  @Test
  void theDialectIsDetectedFromTheConnection() {
    JdbcDataSource h2 = new JdbcDataSource();
    h2.setURL("jdbc:h2:mem:detect-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
    assertThat(JdbiUsageStore.builder(h2).build().dialect()).isEqualTo(SqlDialect.H2);
    try (PostgresSchema db = PostgresSchema.create(JdbiUsageStoreBuilderTest.class)) {
      assertThat(db.store.dialect()).isEqualTo(SqlDialect.POSTGRESQL);
      assertThat(db.store.schema()).hasValue(db.name);
    }
  }

  @Test
  void anUnreachableDatabaseIsAStoreException() {
    PGSimpleDataSource nowhere = new PGSimpleDataSource();
    nowhere.setURL("jdbc:postgresql://127.0.0.1:1/test?user=postgres&connectTimeout=2");
    assertThatThrownBy(() -> JdbiUsageStore.builder(nowhere).build()).isInstanceOf(StoreException.class);
    JdbiUsageStore store = JdbiUsageStore.builder(nowhere).dialect(SqlDialect.POSTGRESQL).installSchema(false).build();
    assertThatThrownBy(() -> store.readPage(TENANT, PAGE)).isInstanceOf(StoreException.class)
        .hasMessageContaining("SQLState 08");
    assertThatThrownBy(() -> store.apply(TENANT, ONE_MEMBER)).isInstanceOf(StoreException.class);
  }

  @Test
  void forJdbcUrlOwnsItsPoolAndUnnamedInMemoryDatabasesAreSeparate() {
    JdbiUsageStore first = JdbiUsageStore.forJdbcUrl("jdbc:h2:mem:");
    JdbiUsageStore second = JdbiUsageStore.forJdbcUrl("jdbc:h2:mem:");
    first.apply(TENANT, ONE_MEMBER);
    assertThat(first.readPage(TENANT, PAGE).valueOrNull().total()).hasValue(1);
    assertThat(second.readPage(TENANT, PAGE)).isEqualTo(new Lookup.PotentialRoleNotFound<>("pr"));
    first.close();
    first.close(); // idempotent
    second.close();
    assertThatThrownBy(() -> first.readPage(TENANT, PAGE)).isInstanceOf(StoreException.class)
        .hasMessageContaining("closed");
  }

  @Test
  void forJdbcUrlOnPostgres() {
    try (PostgresSchema db = PostgresSchema.create(JdbiUsageStoreBuilderTest.class)) {
      try (JdbiUsageStore store = JdbiUsageStore.forJdbcUrl(PostgresSchema.URL + "&currentSchema=" + db.name)) {
        assertThat(store.dialect()).isEqualTo(SqlDialect.POSTGRESQL);
        store.apply(TENANT, ONE_MEMBER);
        assertThat(store.readPage(TENANT, PAGE).valueOrNull().rows()).hasSize(1);
      }
      // the data went to the schema named in the URL, where the schema store reads it too
      assertThat(db.store.readPage(TENANT, PAGE).valueOrNull().total()).hasValue(1);
    }
  }
}
