package dev.roleusage.storage.jdbi;

import static org.assertj.core.api.Assertions.assertThat;

import dev.roleusage.contract.SharedFolder;
import dev.roleusage.dataset.DataSetFolder;
import dev.roleusage.model.TenantId;
import dev.roleusage.query.IdentityUsage;
import dev.roleusage.query.UsagePage;
import dev.roleusage.query.UsageWindow;
import dev.roleusage.spi.PageRequest;
import dev.roleusage.spi.TableRequest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every converted real data set loads into H2 and PostgreSQL; every potential role's total equals
 * its member count, and (where the set has usage) every member's count of the busiest source in
 * the window ending on its last usage day equals the count worked out from the raw usage file.
 */
class RealDataSetsTest {
  private static final Path ROOT = SharedFolder.resolve("datasets/converted");
  private static final JdbiUsageStore H2 = JdbiUsageStore.forJdbcUrl("jdbc:h2:mem:");
  private static final PostgresSchema POSTGRES = PostgresSchema.create(RealDataSetsTest.class);

  @AfterAll
  static void close() {
    H2.close();
    POSTGRES.close();
  }

  static Stream<String> dataSets() throws IOException {
    try (Stream<Path> dirs = Files.list(ROOT)) {
      List<String> names = dirs.filter(Files::isDirectory).map(p -> p.getFileName().toString()).sorted().toList();
      assertThat(names).isNotEmpty();
      return names.stream();
    }
  }

  @ParameterizedTest
  @MethodSource("dataSets")
  void loadsWithEveryRoleTotalEqualToItsMemberCount(String name) throws Exception {
    Path dir = ROOT.resolve(name);
    var changes = DataSetFolder.read(dir, ZoneOffset.UTC).changes();

    Map<String, Set<String>> members = new TreeMap<>();
    for (String[] r : RawCsv.rows(dir.resolve("potentialRoles.csv"))) {
      members.computeIfAbsent(r[0], k -> new HashSet<>());
    }
    for (String[] r : RawCsv.rows(dir.resolve("memberships.csv"))) {
      members.computeIfAbsent(r[0], k -> new HashSet<>()).add(r[1]);
    }
    String anySource = RawCsv.rows(dir.resolve("sources.csv")).get(0)[0];
    Busiest busiest = busiestSource(dir);
    assertThat(members).isNotEmpty();

    for (JdbiUsageStore store : List.of(H2, POSTGRES.store)) {
      TenantId tenant = TenantId.of(name);
      store.apply(tenant, changes);
      for (Map.Entry<String, Set<String>> role : members.entrySet()) {
        UsageWindow window = UsageWindow.endingOn(LocalDate.of(2026, 1, 30));
        UsagePage page = store.readPage(tenant,
            new PageRequest(role.getKey(), anySource, window, List.of(), 0, 250, true)).valueOrNull();
        assertThat(page.total()).as("%s %s role %s", store, name, role.getKey()).hasValue(role.getValue().size());
        assertThat(page.rows()).hasSize(Math.min(250, role.getValue().size()));
        if (busiest != null) {
          List<IdentityUsage> rows = store.readTable(tenant,
              new TableRequest(role.getKey(), busiest.source, busiest.window)).valueOrNull().rows();
          Map<String, Integer> counts = new HashMap<>();
          rows.forEach(r -> counts.put(r.id(), r.usageCount()));
          Map<String, Integer> expected = new HashMap<>();
          for (String member : role.getValue()) {
            expected.put(member, busiest.days.getOrDefault(member, Set.of()).size());
          }
          assertThat(counts).as("%s %s role %s usage of %s", store, name, role.getKey(), busiest.source)
              .isEqualTo(expected);
        }
      }
    }
  }

  private record Busiest(String source, UsageWindow window, Map<String, Set<LocalDate>> days) {}

  /** The source with most usage rows, the window ending on its last day, and each identity's days in it. */
  private static Busiest busiestSource(Path dir) {
    List<String[]> usage = RawCsv.rows(dir.resolve("usage.csv"));
    if (usage.isEmpty()) {
      return null;
    }
    Map<String, Integer> rowsPerSource = new HashMap<>();
    usage.forEach(r -> rowsPerSource.merge(r[1], 1, Integer::sum));
    String source = rowsPerSource.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
    LocalDate last = LocalDate.MIN;
    for (String[] r : usage) {
      if (r[1].equals(source) && day(r[2]).isAfter(last)) {
        last = day(r[2]);
      }
    }
    UsageWindow window = UsageWindow.endingOn(last);
    Map<String, Set<LocalDate>> days = new HashMap<>();
    for (String[] r : usage) {
      LocalDate d = day(r[2]);
      if (r[1].equals(source) && window.contains(d)) {
        days.computeIfAbsent(r[0], k -> new HashSet<>()).add(d);
      }
    }
    return new Busiest(source, window, days);
  }

  /** A date, or an instant counted on its UTC day. */
  private static LocalDate day(String at) {
    return at.length() == 10 ? LocalDate.parse(at) : LocalDate.ofInstant(Instant.parse(at), ZoneOffset.UTC);
  }
}
