package dev.roleusage.storage.memory;

import static org.assertj.core.api.Assertions.assertThat;

import dev.roleusage.RoleUsage;
import dev.roleusage.model.TenantId;
import dev.roleusage.query.IdentityUsage;
import dev.roleusage.query.IdentityUsageQuery;
import dev.roleusage.query.SortField;
import dev.roleusage.query.Sorter;
import dev.roleusage.query.UsagePage;
import dev.roleusage.spi.Lookup;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** The README's quick start, line for line, so the snippet users paste is known to compile and answer right. */
class ReadmeQuickStartTest {
  @Test
  void quickStartAnswersAsTheReadmeSays() {
    Clock clock = Clock.fixed(Instant.parse("2025-06-30T12:00:00Z"), ZoneOffset.UTC);
    // --- README quick start begins
    RoleUsage engine = RoleUsage.builder(new InMemoryUsageStore()).clock(clock).build();
    TenantId acme = TenantId.of("acme");
    engine.apply(acme, engine.newChanges()
        .identity("id-ada", "Ada Lovelace", "ada@example.test")
        .identity("id-bob", "bob", null)                       // no e-mail: the key is omitted
        .membership("pr-1", "id-ada").membership("pr-1", "id-bob")
        .usage("id-ada", "src-1", Instant.parse("2025-06-30T09:15:00Z"))
        .usage("id-ada", "src-1", LocalDate.parse("2025-04-02"))  // asOf − 89: still inside
        .build());
    Lookup<UsagePage> answer = engine.query(acme, IdentityUsageQuery.builder("pr-1", "src-1")
        .sorters(Sorter.descending(SortField.USAGE_COUNT)).count(true).build());
    // --- README quick start ends

    // Worked by hand: 2025-06-30 − 89 days = 2025-04-02, so Ada has 2 days in the window; Bob none.
    assertThat(answer).isInstanceOf(Lookup.Found.class);
    UsagePage page = answer.valueOrNull();
    assertThat(page.rows()).containsExactly(
        new IdentityUsage("id-ada", "Ada Lovelace", "ada@example.test", 2),
        new IdentityUsage("id-bob", "bob", null, 0));
    assertThat(page.total()).hasValue(2);
  }
}
