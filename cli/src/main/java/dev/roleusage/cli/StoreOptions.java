package dev.roleusage.cli;

import dev.roleusage.model.TenantId;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** The options every command that reads or writes a store shares (a picocli mixin). */
final class StoreOptions {
  @Option(names = "--store", paramLabel = "URL", converter = StoreUrl.Converter.class,
      description = {"Where the data lives: memory: (this process only), or a JDBC URL such as"
          + " jdbc:h2:file:./data/roleusage or jdbc:postgresql://127.0.0.1:5432/test?user=postgres.",
          "Default: ${DEFAULT-VALUE}."},
      defaultValue = StoreUrl.DEFAULT)
  StoreUrl store;

  @Option(names = "--tenant", paramLabel = "ID", converter = Converters.Tenant.class,
      defaultValue = "default", description = "Tenant whose data is read and written. Default: ${DEFAULT-VALUE}.")
  TenantId tenant;

  @Option(names = "--load", paramLabel = "DIR",
      description = "Load this data-set folder into the store first (repeatable; every folder is read"
          + " and checked before any is written).")
  List<Path> load = new ArrayList<>();

  @Option(names = "--as-of", paramLabel = "INSTANT|DATE", converter = Converters.AsOfValue.class,
      description = "Fix the clock: 2026-01-30T23:00:00Z, 2026-01-30T23:00:00+01:00, or a date"
          + " (2026-01-30, that day in the usage zone). Default: now.")
  AsOf asOf;

  @Option(names = "--zone", paramLabel = "ZONE", converter = Converters.Zone.class, defaultValue = "UTC",
      description = "Usage zone: the calendar whose days are counted (and in which usage instants"
          + " become days when loaded). Default: ${DEFAULT-VALUE}.")
  ZoneId zone;

  @Option(names = "--no-cache", description = "Read the store directly, without the result cache.")
  boolean noCache;
}
