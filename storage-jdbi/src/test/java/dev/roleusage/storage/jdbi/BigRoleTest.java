package dev.roleusage.storage.jdbi;

import static org.assertj.core.api.Assertions.assertThat;

import dev.roleusage.contract.SharedFolder;
import dev.roleusage.dataset.DataSetFolder;
import dev.roleusage.model.ChangeSet;
import dev.roleusage.model.TenantId;
import dev.roleusage.query.IdentityUsage;
import dev.roleusage.query.SortField;
import dev.roleusage.query.Sorter;
import dev.roleusage.query.UsagePage;
import dev.roleusage.query.UsageWindow;
import dev.roleusage.spi.PageRequest;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * One role of 70,000 members on PostgreSQL, whose protocol allows at most 65,535 bind parameters
 * per statement: a store that bound one parameter per member would fail here. Expected rows are
 * worked out from the raw CSV files.
 */
class BigRoleTest {
  private static final Path DIR = SharedFolder.resolve("cases/data/big-role-70k");
  private static final LocalDate AS_OF = LocalDate.of(2025, 6, 30); // the contract case's clock
  private static final PostgresSchema DB = PostgresSchema.create(BigRoleTest.class);

  @AfterAll
  static void drop() {
    DB.close();
  }

  @Test
  void pageNearTheEndOfA70000MemberRoleSortedByDisplayName() throws Exception {
    TenantId tenant = TenantId.of("big-role");
    ChangeSet changes = DataSetFolder.read(DIR, ZoneOffset.UTC).changes();
    long started = System.nanoTime();
    DB.store.apply(tenant, changes);
    System.out.printf("BigRoleTest: wrote %s to PostgreSQL in %d ms%n", changes, (System.nanoTime() - started) / 1_000_000);

    UsageWindow window = UsageWindow.endingOn(AS_OF);
    started = System.nanoTime();
    UsagePage page = DB.store.readPage(tenant, new PageRequest("pr", "src", window,
        List.of(Sorter.ascending(SortField.DISPLAY_NAME)), 69_900, 250, true)).valueOrNull();
    System.out.printf("BigRoleTest: read the page at 69900 in %d ms%n", (System.nanoTime() - started) / 1_000_000);

    assertThat(page.total()).hasValue(70_000);
    assertThat(page.rows()).isEqualTo(expectedRows(window, 69_900, 70_000));
  }

  /**
   * Rows {@code from..to-1} by display name, worked out from the raw files: every display name
   * is "User NNNNN" with the number of its id "id-NNNNN", so name order is id order.
   */
  private static List<IdentityUsage> expectedRows(UsageWindow window, int from, int to) {
    Map<String, String[]> identities = new HashMap<>();
    for (String[] r : RawCsv.rows(DIR.resolve("identities.csv"))) {
      assertThat(r[1]).isEqualTo("User " + r[0].substring(3));
      identities.put(r[0], r);
    }
    Map<String, Set<LocalDate>> days = new HashMap<>();
    for (String[] r : RawCsv.rows(DIR.resolve("usage.csv"))) {
      LocalDate day = LocalDate.parse(r[2]);
      if (r[1].equals("src") && !day.isBefore(window.first()) && !day.isAfter(window.last())) {
        days.computeIfAbsent(r[0], k -> new HashSet<>()).add(day);
      }
    }
    List<IdentityUsage> rows = new ArrayList<>();
    for (int n = from; n < to; n++) {
      String id = String.format("id-%05d", n);
      String[] identity = identities.get(id);
      rows.add(new IdentityUsage(id, identity[1], identity[2], days.getOrDefault(id, Set.of()).size()));
    }
    return rows;
  }
}
