package dev.roleusage.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.roleusage.RoleUsage;
import dev.roleusage.query.IdentityUsage;
import dev.roleusage.query.UsagePage;
import dev.roleusage.spi.Lookup;
import dev.roleusage.spi.TableRequest;
import dev.roleusage.spi.UsageTable;
import dev.roleusage.storage.memory.InMemoryUsageStore;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PopulationTest {
  private final Population population = new Population(5_000);

  @Test
  void sameSeedSameMembersOtherSeedOthers() {
    Population again = new Population(5_000);
    Population other = new Population(5_000, 1L);
    for (int i = 0; i < 200; i++) {
      assertThat(again.row(i)).isEqualTo(population.row(i));
      assertThat(again.usageEpochDays(i)).isEqualTo(population.usageEpochDays(i));
    }
    assertThat(other.id(0)).isNotEqualTo(population.id(0));
  }

  @Test
  void idsAreDistinct32HexChars() {
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < population.n; i++) {
      String id = population.id(i);
      assertThat(id).matches("[0-9a-f]{32}");
      assertThat(seen.add(id)).as("id of member %d is new", i).isTrue();
    }
  }

  @Test
  void usageIsSkewed() {
    int never = 0;
    int heavy = 0;
    long days = 0;
    for (int i = 0; i < population.n; i++) {
      int[] d = population.usageDayIndexes(i);
      never += d.length == 0 ? 1 : 0;
      heavy += d.length >= 45 ? 1 : 0;
      days += d.length;
      for (int j = 0; j < d.length; j++) {
        assertThat(d[j]).isBetween(0, Population.SPAN_DAYS - 1);
        if (j > 0) {
          assertThat(d[j]).isGreaterThan(d[j - 1]);
        }
      }
    }
    // Expected: 30% never, 2% heavy, mean 0.02*67.5 + 0.18*19 + 0.5*3 = 6.27 days.
    assertThat(never).isBetween(1_350, 1_650);
    assertThat(heavy).isBetween(60, 140);
    assertThat(days / (double) population.n).isBetween(5.5, 7.0);
  }

  @Test
  void textIsMixed() {
    int noName = 0;
    int noEmail = 0;
    int noRecord = 0;
    int nonAscii = 0;
    for (int i = 0; i < population.n; i++) {
      String name = population.displayName(i);
      noName += name == null ? 1 : 0;
      noEmail += population.email(i) == null ? 1 : 0;
      noRecord += population.hasRecord(i) ? 0 : 1;
      nonAscii += name != null && !name.chars().allMatch(c -> c < 128) ? 1 : 0;
    }
    assertThat(noName).isBetween(100, 200);      // 3% of 5,000 = 150
    assertThat(noEmail).isBetween(500, 700);     // 12% = 600
    assertThat(noRecord).isBetween(10, 45);      // 0.5% = 25
    assertThat(nonAscii).isGreaterThan(1_000);
  }

  @Test
  void usageCountIsDaysInsideTheLast90() {
    for (int i = 0; i < 500; i++) {
      long expected = 0;
      for (int day : population.usageEpochDays(i)) {
        expected += Population.WINDOW.contains(java.time.LocalDate.ofEpochDay(day)) ? 1 : 0;
      }
      assertThat(population.usageCount(i)).isEqualTo((int) expected);
    }
  }

  /** The store, fed the change sets, answers exactly the rows the generator describes. */
  @Test
  void loadedStoreHoldsTheGeneratedRows() {
    Population small = new Population(3_000);
    InMemoryUsageStore store = new InMemoryUsageStore();
    small.loadInto(store, 700);
    Lookup<UsageTable> table = store.readTable(Population.TENANT,
        new TableRequest(Population.ROLE, Population.SOURCE, Population.WINDOW));
    List<IdentityUsage> expected = small.rows();
    assertThat(table.valueOrNull().rows()).containsExactlyInAnyOrderElementsOf(expected);

    RoleUsage engine = RoleUsage.builder(store).clock(Population.CLOCK).usageZone(ZoneOffset.UTC).build();
    Lookup<UsagePage> page = engine.query(Population.TENANT, Requests.query(Requests.S01, 3_000));
    int maxCount = expected.stream().mapToInt(IdentityUsage::usageCount).max().orElseThrow();
    assertThat(page.valueOrNull().rows().get(0).usageCount()).isEqualTo(maxCount);
    assertThat(page.valueOrNull().total()).hasValue(3_000);
  }

  @Test
  void shapesNameFirstMiddleLast() {
    assertThat(Requests.query(Requests.S00, 10_000).offset()).isZero();
    assertThat(Requests.query(Requests.S03, 10_000).offset()).isEqualTo(5_000);
    assertThat(Requests.query(Requests.S11, 10_000).offset()).isEqualTo(9_750);
    assertThat(Requests.query(Requests.S11, 10_000).count()).isTrue();
    assertThat(Requests.query(Requests.S10, 10_000).count()).isFalse();
    assertThat(Requests.query(Requests.S10, 10_000).limit()).isEqualTo(250);
    assertThat(Requests.query(Requests.S10, 10_000).sorters()).hasToString("[displayName]");
    assertThat(Requests.query(Requests.S00, 10_000).sorters()).hasToString("[-usageCount]");
    // The next page of the last one stays inside the role; the one before the first starts at 0.
    assertThat(Requests.query(Requests.S10, 10_000, 250).offset()).isEqualTo(9_750);
    assertThat(Requests.query(Requests.S06, 10_000, -250).offset()).isZero();
  }
}
