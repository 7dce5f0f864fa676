package dev.roleusage.cli;

import dev.roleusage.RoleUsage;
import dev.roleusage.model.TenantId;
import dev.roleusage.spi.StoreException;
import dev.roleusage.spi.UsageStore;
import dev.roleusage.storage.memory.InMemoryUsageStore;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.time.Clock;
import java.time.ZoneId;

/**
 * What one command invocation works with: the opened store (cached unless {@code --no-cache}), the
 * engine over it with the {@code --as-of} clock and {@code --zone}, and the tenant. Folders given
 * with {@code --load} are loaded when the session opens. Closing releases the store.
 */
final class Session implements AutoCloseable {
  private final StoreUrl url;
  private final UsageStore store;
  private final AutoCloseable release;
  private final RoleUsage engine;
  private final TenantId tenant;

  private Session(StoreUrl url, UsageStore store, AutoCloseable release, RoleUsage engine, TenantId tenant) {
    this.url = url;
    this.store = store;
    this.release = release;
    this.engine = engine;
    this.tenant = tenant;
  }

  /**
   * Opens the store of {@code options} and loads its {@code --load} folders, reporting each load on
   * {@code report} (or, if null, only progress and warnings on stderr).
   */
  static Session open(StoreOptions options, PrintStream report) {
    return open(options.store, options.tenant, options.zone,
        options.asOf == null ? Clock.systemUTC() : options.asOf.clock(options.zone), options.noCache,
        options.load, report);
  }

  static Session open(StoreUrl url, TenantId tenant, ZoneId zone, Clock clock, boolean noCache,
      List<Path> loads, PrintStream report) {
    OpenedStore opened = openStore(url);
    UsageStore store = noCache ? opened.store() : StoreCache.wrap(opened.store(), url);
    RoleUsage engine = RoleUsage.builder(store).clock(clock).usageZone(zone).build();
    Session session = new Session(url, store, opened.release(), engine, tenant);
    if (!loads.isEmpty()) {
      try {
        FolderImport.run(loads, engine, tenant, report);
      } catch (RuntimeException e) {
        session.close();
        throw e;
      }
    }
    return session;
  }

  private static OpenedStore openStore(StoreUrl url) {
    if (url.isMemory()) {
      return new OpenedStore(new InMemoryUsageStore(), () -> {});
    }
    try {
      return JdbcStores.open(url);
    } catch (StoreException e) {
      String message = RoleUsageCommand.oneLine(e.getMessage());
      throw new CommandFailure("cannot open the store " + url.shown() + ": " + message + hint(message), e);
    }
  }

  /** What to do about the SQL states an operator meets most (PostgreSQL's codes, and H2's file lock). */
  static String hint(String message) {
    if (message.contains("90020")) {
      return " (the H2 database file is in use by another process, e.g. a running 'serve': stop it,"
          + " or use PostgreSQL, which several processes can share)";
    }
    if (message.contains("3F000")) {
      return " (the schema named by currentSchema does not exist: CREATE SCHEMA it first)";
    }
    if (message.contains("08001") || message.contains("08006")) {
      return " (cannot connect: is the database running and the URL's host and port right?)";
    }
    if (message.contains("28P01") || message.contains("28000")) {
      return " (authentication failed: check user and password in the URL)";
    }
    return "";
  }

  RoleUsage engine() {
    return engine;
  }

  TenantId tenant() {
    return tenant;
  }

  StoreUrl url() {
    return url;
  }

  UsageStore store() {
    return store;
  }

  @Override
  public void close() {
    try {
      release.close();
    } catch (Exception e) {
      System.err.println("roleusage: closing the store: " + RoleUsageCommand.oneLine(e.getMessage()));
    }
  }
}
