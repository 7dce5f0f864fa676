package dev.roleusage.storage.jdbi;

import java.util.Locale;
import java.util.Optional;

/**
 * The SQL databases {@link JdbiUsageStore} speaks to. The dialect decides the upsert syntax and
 * which folder of schema files is installed ({@code db/roleusage/h2/} or
 * {@code db/roleusage/postgresql/}); the queries are otherwise the same.
 */
public enum SqlDialect {
  /** H2 2.x, embedded (in-memory or file) or server. */
  H2("h2", "jdbc:h2:", "H2"),
  /**
   * PostgreSQL 12 or later, and engines that speak its dialect (the store needs
   * {@code INSERT … ON CONFLICT}, {@code BYTEA} and {@code NULLS LAST}).
   */
  POSTGRESQL("postgresql", "jdbc:postgresql:", "PostgreSQL");

  private final String folder;
  private final String urlPrefix;
  private final String productName;

  SqlDialect(String folder, String urlPrefix, String productName) {
    this.folder = folder;
    this.urlPrefix = urlPrefix;
    this.productName = productName;
  }

  /**
   * The classpath folder holding this dialect's versioned schema files, named the Flyway way
   * ({@code V1__roleusage.sql}): point Flyway's {@code locations} at it to install the schema with
   * Flyway instead of the store's own installer.
   */
  public String schemaLocation() {
    return "db/roleusage/" + folder;
  }

  /** The dialect whose JDBC URLs start like {@code url} ({@code jdbc:h2:}, {@code jdbc:postgresql:}). */
  static Optional<SqlDialect> fromJdbcUrl(String url) {
    for (SqlDialect d : values()) {
      if (url.regionMatches(true, 0, d.urlPrefix, 0, d.urlPrefix.length())) {
        return Optional.of(d);
      }
    }
    return Optional.empty();
  }

  /** The dialect of a database whose JDBC metadata reports {@code productName}. */
  static Optional<SqlDialect> fromProductName(String productName) {
    String name = productName == null ? "" : productName.strip().toLowerCase(Locale.ROOT);
    for (SqlDialect d : values()) {
      if (name.equals(d.productName.toLowerCase(Locale.ROOT))) {
        return Optional.of(d);
      }
    }
    return Optional.empty();
  }

  @Override
  public String toString() {
    return productName;
  }
}
