package dev.roleusage.cli;

import dev.roleusage.storage.jdbi.JdbiUsageStore;

/** Opens {@code --store jdbc:…} URLs (H2, PostgreSQL) with the storage-jdbi module. */
final class JdbcStores {
  private JdbcStores() {}

  /**
   * The store over its own small pool for the URL, schema installed if missing; closing the
   * returned release closes the pool (and so, for an embedded H2 file, the database).
   *
   * @throws dev.roleusage.spi.StoreException the database cannot be reached or set up
   */
  static OpenedStore open(StoreUrl url) {
    JdbiUsageStore store = JdbiUsageStore.forJdbcUrl(url.url());
    return new OpenedStore(store, store::close);
  }
}
