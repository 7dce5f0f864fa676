package dev.roleusage.cli;

/** Opens {@code --store jdbc:…} URLs (H2, PostgreSQL) with the storage-jdbi module. */
final class JdbcStores {
  private JdbcStores() {}

  static OpenedStore open(StoreUrl url) {
    throw new CommandFailure("--store " + url.shown() + ": the JDBC store (module storage-jdbi) is not"
        + " available in this build yet; use --store memory:");
  }
}
