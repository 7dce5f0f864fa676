package dev.roleusage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.roleusage.model.ChangeSet;
import dev.roleusage.model.TenantId;
import dev.roleusage.query.IdentityUsage;
import dev.roleusage.query.IdentityUsageQuery;
import dev.roleusage.query.SortField;
import dev.roleusage.query.Sorter;
import dev.roleusage.query.UsagePage;
import dev.roleusage.query.UsageWindow;
import dev.roleusage.spi.Lookup;
import dev.roleusage.spi.PageRequest;
import dev.roleusage.spi.StoreException;
import dev.roleusage.spi.TableRequest;
import dev.roleusage.spi.UsageStore;
import dev.roleusage.spi.UsageTable;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** The engine between a query and a store: the window it asks for, and what it accepts back. */
class RoleUsageTest {
  private static final TenantId TENANT = TenantId.of("t");
  private static final IdentityUsage ROW = new IdentityUsage("id-1", null, null, 0);

  /** A store that records what it is asked and answers with {@code answer}. */
  private static final class ScriptedStore implements UsageStore {
    final List<PageRequest> requests = new ArrayList<>();
    final List<ChangeSet> applied = new ArrayList<>();
    final Function<PageRequest, Lookup<UsagePage>> answer;

    ScriptedStore(Function<PageRequest, Lookup<UsagePage>> answer) {
      this.answer = answer;
    }

    @Override public void apply(TenantId tenant, ChangeSet changes) {
      applied.add(changes);
    }

    @Override public Lookup<UsagePage> readPage(TenantId tenant, PageRequest request) {
      requests.add(request);
      return answer.apply(request);
    }

    @Override public Lookup<UsageTable> readTable(TenantId tenant, TableRequest request) {
      throw new UnsupportedOperationException();
    }
  }

  @Test
  void asksTheStoreForTheQueryInTheWindowEndingTodayInTheUsageZone() {
    ScriptedStore store = new ScriptedStore(r -> Lookup.found(UsagePage.of(List.of(), OptionalLong.of(0))));
    // 2025-06-30T10:00Z is 2025-07-01 00:00 in Kiritimati (UTC+14).
    RoleUsage engine = RoleUsage.builder(store)
        .clock(Clock.fixed(Instant.parse("2025-06-30T10:00:00Z"), ZoneOffset.UTC))
        .usageZone(ZoneId.of("Pacific/Kiritimati")).build();
    engine.query(TENANT, IdentityUsageQuery.builder("pr", "src").sorters(Sorter.descending(SortField.EMAIL))
        .offset(5).limit(7).count(true).build());
    assertThat(store.requests).containsExactly(new PageRequest("pr", "src",
        UsageWindow.endingOn(LocalDate.parse("2025-07-01")), List.of(Sorter.descending(SortField.EMAIL)), 5, 7, true));
    assertThat(engine.currentWindow().first()).isEqualTo(LocalDate.parse("2025-04-03"));
  }

  @Test
  void defaultsAreTheSystemClockAndUtc() {
    RoleUsage engine = RoleUsage.builder(new ScriptedStore(r -> null)).build();
    assertThat(engine.usageZone()).isEqualTo(ZoneOffset.UTC);
    assertThat(engine.clock().getZone()).isEqualTo(ZoneOffset.UTC);
    // Instants written through the engine's builder count in its zone.
    assertThat(RoleUsage.builder(new ScriptedStore(r -> null)).usageZone(ZoneId.of("Asia/Tokyo")).build()
        .newChanges().usageZone()).isEqualTo(ZoneId.of("Asia/Tokyo"));
  }

  @Test
  void dropsATotalThatWasNotAskedFor() {
    RoleUsage engine = RoleUsage.builder(new ScriptedStore(r -> Lookup.found(UsagePage.of(List.of(ROW), OptionalLong.of(1)))))
        .build();
    UsagePage page = engine.query(TENANT, IdentityUsageQuery.builder("pr", "src").build()).valueOrNull();
    assertThat(page.rows()).containsExactly(ROW);
    assertThat(page.total()).isEmpty();
  }

  @Test
  void refusesAStoreAnswerThatBreaksTheRequest() {
    RoleUsage tooMany = RoleUsage.builder(new ScriptedStore(r -> Lookup.found(UsagePage.of(List.of(ROW, ROW), OptionalLong.empty()))))
        .build();
    assertThatThrownBy(() -> tooMany.query(TENANT, IdentityUsageQuery.builder("pr", "src").limit(1).build()))
        .isInstanceOf(StoreException.class).hasMessageContaining("2 rows for limit 1");
    RoleUsage noTotal = RoleUsage.builder(new ScriptedStore(r -> Lookup.found(UsagePage.of(List.of(), OptionalLong.empty()))))
        .build();
    assertThatThrownBy(() -> noTotal.query(TENANT, IdentityUsageQuery.builder("pr", "src").count(true).build()))
        .isInstanceOf(StoreException.class).hasMessageContaining("no total");
  }

  @Test
  void passesNotFoundThrough() {
    RoleUsage engine = RoleUsage.builder(new ScriptedStore(r -> new Lookup.SourceNotFound<>(r.sourceId()))).build();
    assertThat(engine.query(TENANT, IdentityUsageQuery.builder("pr", "nope").build()))
        .isEqualTo(new Lookup.SourceNotFound<UsagePage>("nope"));
  }
}
