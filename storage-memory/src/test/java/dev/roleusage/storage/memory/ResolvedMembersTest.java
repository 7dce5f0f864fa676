package dev.roleusage.storage.memory;

import static org.assertj.core.api.Assertions.assertThat;

import dev.roleusage.model.ChangeSet;
import dev.roleusage.model.TenantId;
import dev.roleusage.query.IdentityUsage;
import dev.roleusage.query.SortField;
import dev.roleusage.query.Sorter;
import dev.roleusage.query.UsageWindow;
import dev.roleusage.spi.PageRequest;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A snapshot resolves a role's members against a source once and reuses that on later reads;
 * these pin that the reuse never outlives the snapshot and never mixes sources.
 */
class ResolvedMembersTest {
  private static final TenantId TENANT = TenantId.of("t");
  private static final LocalDate TODAY = LocalDate.of(2026, 6, 30);
  private static final UsageWindow WINDOW = UsageWindow.endingOn(TODAY);

  private final InMemoryUsageStore store = new InMemoryUsageStore();

  private List<IdentityUsage> read(String source) {
    return store.readPage(TENANT, new PageRequest("r", source, WINDOW,
        List.of(Sorter.ascending(SortField.DISPLAY_NAME)), 0, 250, false)).valueOrNull().rows();
  }

  private ChangeSet.Builder changes() {
    return ChangeSet.builder(ZoneOffset.UTC);
  }

  @Test
  void aWriteAfterAReadIsSeenByTheNextRead() {
    store.apply(TENANT, changes().identity("a", "Ann", null).identity("b", "Bob", null)
        .membership("r", "a").membership("r", "b").membership("r", "c")
        .usage("a", "s", TODAY).build());
    assertThat(read("s")).containsExactly(
        new IdentityUsage("a", "Ann", null, 1), new IdentityUsage("b", "Bob", null, 0),
        new IdentityUsage("c", null, null, 0));

    // Rename, add usage, give the bare member a record: every part of the resolved view changes.
    store.apply(TENANT, changes().identity("a", "Zed", "z@x.test").identity("c", "Cy", null)
        .usage("b", "s", TODAY).usage("b", "s", TODAY.minusDays(1)).build());
    assertThat(read("s")).containsExactly(
        new IdentityUsage("b", "Bob", null, 2), new IdentityUsage("c", "Cy", null, 0),
        new IdentityUsage("a", "Zed", "z@x.test", 1));
  }

  @Test
  void eachSourceCountsItsOwnDays() {
    store.apply(TENANT, changes().identity("a", "Ann", null).identity("b", "Bob", null)
        .membership("r", "a").membership("r", "b")
        .usage("a", "s1", TODAY).usage("a", "s1", TODAY.minusDays(3))
        .usage("b", "s2", TODAY).build());
    assertThat(read("s1")).extracting(IdentityUsage::usageCount).containsExactly(2, 0);
    assertThat(read("s2")).extracting(IdentityUsage::usageCount).containsExactly(0, 1);
    assertThat(read("s1")).extracting(IdentityUsage::usageCount).containsExactly(2, 0);
  }

  @Test
  void morePairsThanKeptAreStillRight() {
    ChangeSet.Builder b = changes().identity("a", "Ann", null).membership("r", "a");
    int sources = Snapshot.MAX_RESOLVED + 4;
    for (int s = 0; s < sources; s++) {
      // Source s was used on s + 1 distinct days, all inside the window.
      for (int d = 0; d <= s; d++) {
        b.usage("a", "s" + s, TODAY.minusDays(d));
      }
    }
    store.apply(TENANT, b.build());
    for (int round = 0; round < 2; round++) {
      for (int s = 0; s < sources; s++) {
        assertThat(read("s" + s)).containsExactly(new IdentityUsage("a", "Ann", null, s + 1));
      }
    }
  }
}
