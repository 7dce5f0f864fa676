package dev.roleusage.cli;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * The fixed "now" of {@code --as-of}: an instant, or a date meaning the start of that day in the
 * usage zone (any instant of the day gives the same 90-day window).
 */
record AsOf(Instant instant, LocalDate date) {
  Clock clock(ZoneId usageZone) {
    Instant at = instant != null ? instant : date.atStartOfDay(usageZone).toInstant();
    return Clock.fixed(at, ZoneOffset.UTC);
  }
}
