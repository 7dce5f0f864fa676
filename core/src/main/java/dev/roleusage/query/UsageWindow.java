package dev.roleusage.query;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Objects;

/**
 * The 90 calendar days that a usage count covers: {@code asOf − 89 … asOf}, today included,
 * where {@code asOf} is today's date in the usage zone (CONTRACT §2).
 *
 * <p>Built from an injected {@link Clock} and an explicit zone, never the JVM default zone:
 * <pre>{@code UsageWindow.current(clock, ZoneOffset.UTC)}</pre>
 */
public record UsageWindow(LocalDate first, LocalDate last) {
  /** Number of days in every window. */
  public static final int DAYS = 90;

  public UsageWindow {
    Objects.requireNonNull(first, "first");
    Objects.requireNonNull(last, "last");
    if (!first.plusDays(DAYS - 1).equals(last)) {
      throw new IllegalArgumentException(
          "a usage window spans exactly " + DAYS + " days, but got " + first + ".." + last);
    }
  }

  /** The window whose last day is {@code asOf}. */
  public static UsageWindow endingOn(LocalDate asOf) {
    Objects.requireNonNull(asOf, "asOf");
    return new UsageWindow(asOf.minusDays(DAYS - 1), asOf);
  }

  /** The window ending today, where today is the clock's date in {@code usageZone}. */
  public static UsageWindow current(Clock clock, ZoneId usageZone) {
    Objects.requireNonNull(clock, "clock");
    Objects.requireNonNull(usageZone, "usageZone");
    return endingOn(LocalDate.ofInstant(clock.instant(), usageZone));
  }

  /** The last day, "today" in the usage zone. */
  public LocalDate asOf() {
    return last;
  }

  /** True when {@code day} is one of the window's 90 days. */
  public boolean contains(LocalDate day) {
    return !day.isBefore(first) && !day.isAfter(last);
  }

  /** {@link #first()} as days since 1970-01-01. */
  public int firstEpochDay() {
    return Math.toIntExact(first.toEpochDay());
  }

  /** {@link #last()} as days since 1970-01-01. */
  public int lastEpochDay() {
    return Math.toIntExact(last.toEpochDay());
  }
}
