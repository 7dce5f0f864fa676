package dev.roleusage.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.roleusage.model.UsageDay;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.TimeZone;
import org.junit.jupiter.api.Test;

class UsageWindowTest {
  private static final ZoneId KIRITIMATI = ZoneId.of("Pacific/Kiritimati");   // UTC+14

  @Test
  void ninetyDaysEndingOnAsOfBothEndsIncluded() {
    UsageWindow w = UsageWindow.endingOn(LocalDate.parse("2025-06-30"));
    // 2025-06-30 − 89 days = 2025-04-02 (April 30 + May 31 + June 30 = 91 days from 04-01 to 06-30).
    assertThat(w.first()).isEqualTo(LocalDate.parse("2025-04-02"));
    assertThat(w.asOf()).isEqualTo(LocalDate.parse("2025-06-30"));
    assertThat(w.contains(LocalDate.parse("2025-04-02"))).isTrue();
    assertThat(w.contains(LocalDate.parse("2025-06-30"))).isTrue();
    assertThat(w.contains(LocalDate.parse("2025-04-01"))).isFalse();
    assertThat(w.contains(LocalDate.parse("2025-07-01"))).isFalse();
    assertThat(w.lastEpochDay() - w.firstEpochDay()).isEqualTo(89);
    // Across a leap day: 2024-03-01 − 89 = 2023-12-03.
    assertThat(UsageWindow.endingOn(LocalDate.parse("2024-03-01")).first()).isEqualTo(LocalDate.parse("2023-12-03"));
  }

  @Test
  void todayIsTheClocksDateInTheUsageZone() {
    // 2025-06-30T10:00Z is exactly midnight of 07-01 in Kiritimati (+14); one second earlier it is still 06-30.
    Clock before = Clock.fixed(Instant.parse("2025-06-30T09:59:59Z"), ZoneOffset.UTC);
    Clock midnight = Clock.fixed(Instant.parse("2025-06-30T10:00:00Z"), ZoneOffset.UTC);
    assertThat(UsageWindow.current(before, KIRITIMATI).asOf()).isEqualTo(LocalDate.parse("2025-06-30"));
    assertThat(UsageWindow.current(midnight, KIRITIMATI).asOf()).isEqualTo(LocalDate.parse("2025-07-01"));
    assertThat(UsageWindow.current(midnight, ZoneOffset.UTC).asOf()).isEqualTo(LocalDate.parse("2025-06-30"));
    // The clock's own zone does not matter either: only its instant.
    Clock tokyoClock = Clock.fixed(Instant.parse("2025-06-30T20:00:00Z"), ZoneId.of("Asia/Tokyo"));
    assertThat(UsageWindow.current(tokyoClock, ZoneOffset.UTC).asOf()).isEqualTo(LocalDate.parse("2025-06-30"));
  }

  @Test
  void instantsBecomeTheirDayInTheUsageZone() {
    Instant at = Instant.parse("2025-06-30T10:00:00Z");
    assertThat(UsageDay.of("id", "src", at, KIRITIMATI).day()).isEqualTo(LocalDate.parse("2025-07-01"));
    assertThat(UsageDay.of("id", "src", at, ZoneOffset.UTC).day()).isEqualTo(LocalDate.parse("2025-06-30"));
    assertThat(UsageDay.of("id", "src", at, ZoneId.of("America/Los_Angeles")).day()).isEqualTo(LocalDate.parse("2025-06-30"));
    assertThat(UsageDay.of("id", "src", Instant.parse("2025-06-30T06:59:59Z"), ZoneId.of("America/Los_Angeles")).day())
        .isEqualTo(LocalDate.parse("2025-06-29"));
  }

  @Test
  void theJvmDefaultZoneNeverMatters() {
    TimeZone saved = TimeZone.getDefault();
    try {
      Clock clock = Clock.fixed(Instant.parse("2025-06-30T23:30:00Z"), ZoneOffset.UTC);
      for (String jvm : new String[] {"Pacific/Kiritimati", "Pacific/Pago_Pago", "UTC"}) {
        TimeZone.setDefault(TimeZone.getTimeZone(jvm));
        assertThat(UsageWindow.current(clock, ZoneOffset.UTC).asOf()).as(jvm).isEqualTo(LocalDate.parse("2025-06-30"));
      }
    } finally {
      TimeZone.setDefault(saved);
    }
  }

  @Test
  void aWindowIsAlwaysNinetyDays() {
    assertThatThrownBy(() -> new UsageWindow(LocalDate.parse("2025-04-01"), LocalDate.parse("2025-06-30")))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("90 days");
  }
}
