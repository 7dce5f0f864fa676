package dev.roleusage.cli;

import dev.roleusage.RoleUsage;
import dev.roleusage.dataset.DataSet;
import dev.roleusage.dataset.DataSetException;
import dev.roleusage.dataset.DataSetFolder;
import dev.roleusage.model.InvalidRecordException;
import dev.roleusage.model.TenantId;
import dev.roleusage.spi.StoreException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Loads data-set folders into a store. Every folder is read and checked before any is written, so
 * a malformed row anywhere keeps nothing; each folder is then written as one all-or-nothing change
 * set.
 */
final class FolderImport {
  private FolderImport() {}

  /** What one folder held and how long it took. */
  record Loaded(Path dir, DataSet data, long readNanos, long writeNanos) {}

  /**
   * Reads every folder, then writes each. Reports per folder on {@code report} when it is not null;
   * warnings always go to stderr, progress to stderr when it is a terminal.
   *
   * @throws CommandFailure {@code file:line: reason} for a malformed row; nothing was written
   */
  static List<Loaded> run(List<Path> dirs, RoleUsage engine, TenantId tenant, PrintStream report) {
    boolean progress = Terminal.stderrIsTerminal();
    List<Loaded> read = new ArrayList<>();
    for (Path dir : dirs) {
      long start = System.nanoTime();
      Progress shown = new Progress(dir, start, progress);
      DataSet data;
      try {
        data = DataSetFolder.read(dir, engine.usageZone(), shown::rows);
      } catch (DataSetException e) {
        shown.clear();
        throw new CommandFailure(location(e));
      }
      shown.clear();
      if (data.rowsPerFile().isEmpty()) {
        System.err.println("warning: " + dir + " holds none of " + String.join(", ", DataSetFolder.FILES));
      }
      for (String warning : data.warnings()) {
        System.err.println("warning: " + dir.resolve(warning));
      }
      read.add(new Loaded(dir, data, System.nanoTime() - start, 0));
    }
    List<Loaded> loaded = new ArrayList<>();
    for (Loaded l : read) {
      if (progress) {
        System.err.print("writing " + l.data().totalRows() + " rows from " + l.dir() + " …");
        System.err.flush();
      }
      long start = System.nanoTime();
      try {
        engine.apply(tenant, l.data().changes());
      } catch (InvalidRecordException e) {
        throw new CommandFailure(l.dir() + ": " + e.getMessage());
      } catch (StoreException e) {
        throw new CommandFailure(l.dir() + ": the store refused the load: " + RoleUsageCommand.oneLine(e.getMessage()));
      } finally {
        if (progress) {
          System.err.print("\r\033[K");
          System.err.flush();
        }
      }
      Loaded done = new Loaded(l.dir(), l.data(), l.readNanos(), System.nanoTime() - start);
      loaded.add(done);
      if (report != null) {
        report(done, tenant, report);
      }
    }
    return loaded;
  }

  /** {@code path/usage.csv:12: reason}, or {@code path: reason} when no line is at fault. */
  static String location(DataSetException e) {
    return e.file() + (e.line() > 0 ? ":" + e.line() : "") + ": " + e.reason();
  }

  private static void report(Loaded l, TenantId tenant, PrintStream out) {
    double seconds = (l.readNanos() + l.writeNanos()) / 1e9;
    out.println("loaded " + l.dir() + " into tenant " + tenant);
    for (Map.Entry<String, Long> e : l.data().rowsPerFile().entrySet()) {
      out.println("  " + e.getKey() + ": " + e.getValue() + " rows");
    }
    long rows = l.data().totalRows();
    out.println(String.format(Locale.ROOT, "  %d rows in %.2f s (read %.2f s, write %.2f s, %.0f rows/s)", rows,
        seconds, l.readNanos() / 1e9, l.writeNanos() / 1e9, seconds > 0 ? rows / seconds : 0.0));
  }

  /** A rows/s line on stderr, rewritten in place; only when a person is watching. */
  private static final class Progress {
    private final Path dir;
    private final long start;
    private final boolean enabled;
    private boolean shown;

    Progress(Path dir, long start, boolean enabled) {
      this.dir = dir;
      this.start = start;
      this.enabled = enabled;
    }

    void rows(long rows) {
      if (!enabled) {
        return;
      }
      double seconds = Math.max(1e-9, (System.nanoTime() - start) / 1e9);
      System.err.print(String.format(Locale.ROOT, "\r\033[Kreading %s: %d rows (%.0f rows/s)", dir, rows,
          rows / seconds));
      System.err.flush();
      shown = true;
    }

    void clear() {
      if (shown) {
        System.err.print("\r\033[K");
        System.err.flush();
      }
    }
  }
}
