package dev.roleusage.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class ChangeSetTest {
  @Test
  void theSameIdTwiceInOneChangeSetIsRefusedNamingIt() {
    assertThatThrownBy(() -> ChangeSet.builder(ZoneOffset.UTC).identity("id-1", "Ada", null).identity("id-1", "Ada", null))
        .isInstanceOfSatisfying(InvalidRecordException.class, e -> {
          assertThat(e.record()).isEqualTo("identity 'id-1'");
          assertThat(e.problem()).isEqualTo("appears more than once in one change set");
          assertThat(e.getMessage()).isEqualTo("identity 'id-1': appears more than once in one change set");
        });
    assertThatThrownBy(() -> ChangeSet.builder(ZoneOffset.UTC).source("s", null).source("s", "again"))
        .isInstanceOfSatisfying(InvalidRecordException.class, e -> assertThat(e.record()).isEqualTo("source 's'"));
    assertThatThrownBy(() -> ChangeSet.builder(ZoneOffset.UTC).potentialRole("pr", null).potentialRole("pr", null))
        .isInstanceOfSatisfying(InvalidRecordException.class, e -> assertThat(e.record()).isEqualTo("potential role 'pr'"));
    // The same id as a different kind of record is no conflict.
    assertThat(ChangeSet.builder(ZoneOffset.UTC).identity("x", null, null).source("x", null).potentialRole("x", null)
        .build().size()).isEqualTo(3);
  }

  @Test
  void membershipsAndUsageDaysAreSets() {
    ChangeSet c = ChangeSet.builder(ZoneOffset.UTC)
        .membership("pr", "id-1").membership("pr", "id-1").membership("pr", "id-2")
        .usage("id-1", "src", LocalDate.parse("2025-06-30"))
        .usage("id-1", "src", Instant.parse("2025-06-30T08:00:00Z"))    // same day
        .usage("id-1", "src", Instant.parse("2025-06-30T23:59:59Z"))    // same day
        .usage("id-1", "src", Instant.parse("2025-07-01T00:00:00Z"))    // next day
        .build();
    assertThat(c.memberships()).containsExactly(Membership.of("pr", "id-1"), Membership.of("pr", "id-2"));
    assertThat(c.usage()).containsExactly(
        UsageDay.of("id-1", "src", LocalDate.parse("2025-06-30")), UsageDay.of("id-1", "src", LocalDate.parse("2025-07-01")));
    assertThat(c.size()).isEqualTo(4);
    assertThat(ChangeSet.builder(ZoneOffset.UTC).build().isEmpty()).isTrue();
  }

  @Test
  void instantsAreCountedInTheBuildersZone() {
    Instant at = Instant.parse("2025-06-30T10:00:00Z");   // 07-01 00:00 in Kiritimati (+14)
    assertThat(ChangeSet.builder(ZoneId.of("Pacific/Kiritimati")).usage("i", "s", at).build().usage())
        .containsExactly(UsageDay.of("i", "s", LocalDate.parse("2025-07-01")));
    assertThat(ChangeSet.builder(ZoneOffset.UTC).usage("i", "s", at).build().usage())
        .containsExactly(UsageDay.of("i", "s", LocalDate.parse("2025-06-30")));
  }

  @Test
  void recordsKeepTextAsGivenAndTreatEmptyAsMissing() {
    Identity i = Identity.of("id-1", "ÅSA Öberg", "MiXeD@Example.TEST");
    assertThat(i.displayName()).isEqualTo("ÅSA Öberg");
    assertThat(i.email()).isEqualTo("MiXeD@Example.TEST");
    Identity empty = Identity.of("id-2", "", "");
    assertThat(empty.displayName()).isNull();
    assertThat(empty.email()).isNull();
    assertThat(empty.displayNameIfPresent()).isEmpty();
  }

  @Test
  void invalidValuesAreRefusedNamingTheRecordAndTheRule() {
    assertThat(Identity.of("i".repeat(128), "n".repeat(512), "e".repeat(320)).id()).hasSize(128);
    assertRefused(() -> Identity.of("i".repeat(129), null, null), "identity '" + "i".repeat(64) + "…'", "id is longer than 128");
    assertRefused(() -> Identity.of("id-1", "n".repeat(513), null), "identity 'id-1'", "displayName is longer than 512");
    assertRefused(() -> Identity.of("id-1", null, "e".repeat(321)), "identity 'id-1'", "email is longer than 320");
    assertRefused(() -> Identity.of("id-1", "tab\there", null), "identity 'id-1'", "control character U+0009");
    assertRefused(() -> Identity.of("id-1", "half \uD83D pair", null), "identity 'id-1'", "unpaired surrogate");
    assertRefused(() -> Identity.of("", null, null), "identity ''", "id is empty");
    assertRefused(() -> Identity.of(null, null, null), "identity <null>", "id is empty");
    assertRefused(() -> Membership.of("pr", "id\u0000"), "membership (potential role 'pr', identity 'id\u0000')",
        "identityId contains the control character U+0000");
    assertRefused(() -> Source.of("s\u007F", null), "source 's\u007F'", "control character U+007F");
    assertRefused(() -> UsageDay.of("i", "s", LocalDate.of(10_000, 1, 1)), "usage (identity 'i', source 's', +10000-01-01)",
        "outside");
    assertRefused(() -> UsageDay.of("i", "s", (Instant) null, ZoneOffset.UTC), "usage (identity 'i', source 's')",
        "instant is missing");
    assertRefused(() -> TenantId.of(""), "tenant ''", "id is empty");
  }

  private static void assertRefused(Runnable r, String record, String problemPart) {
    assertThatThrownBy(r::run).isInstanceOfSatisfying(InvalidRecordException.class, e -> {
      assertThat(e.record()).isEqualTo(record);
      assertThat(e.problem()).contains(problemPart);
    });
  }
}
