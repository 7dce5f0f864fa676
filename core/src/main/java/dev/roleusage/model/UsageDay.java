package dev.roleusage.model;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Objects;

/**
 * One identity used one source on one calendar day of the usage zone. Usage recorded as an
 * instant becomes the day that instant falls on in the usage zone ({@link #of(String, String,
 * Instant, ZoneId)}); several uses on one day are one {@code UsageDay} (CONTRACT §2).
 *
 * <p>Stores keep days, not instants, so the zone is applied once, at write time, by the library
 * and never by a database session or the JVM default zone.
 *
 * @param day between year 1 and 9999
 */
public record UsageDay(String identityId, String sourceId, LocalDate day) {
  /** Earliest day a store must be able to hold. */
  public static final LocalDate MIN_DAY = LocalDate.of(1, 1, 1);
  /** Latest day a store must be able to hold. */
  public static final LocalDate MAX_DAY = LocalDate.of(9999, 12, 31);

  public UsageDay {
    String record = "usage (" + TextRules.describe("identity", identityId) + ", "
        + TextRules.describe("source", sourceId) + ", " + day + ")";
    TextRules.checkId(record, "identityId", identityId);
    TextRules.checkId(record, "sourceId", sourceId);
    if (day == null) {
      throw new InvalidRecordException(record, "day is missing");
    }
    if (day.isBefore(MIN_DAY) || day.isAfter(MAX_DAY)) {
      throw new InvalidRecordException(record, "day is outside " + MIN_DAY + ".." + MAX_DAY);
    }
  }

  /** Usage on a whole day. */
  public static UsageDay of(String identityId, String sourceId, LocalDate day) {
    return new UsageDay(identityId, sourceId, day);
  }

  /** Usage at an instant, counted on the day it falls on in {@code usageZone}. */
  public static UsageDay of(String identityId, String sourceId, Instant at, ZoneId usageZone) {
    Objects.requireNonNull(usageZone, "usageZone");
    if (at == null) {
      throw new InvalidRecordException("usage (" + TextRules.describe("identity", identityId) + ", "
          + TextRules.describe("source", sourceId) + ")", "instant is missing");
    }
    return new UsageDay(identityId, sourceId, LocalDate.ofInstant(at, usageZone));
  }

  /** Days since 1970-01-01, the form stores index and compare. */
  public int epochDay() {
    return Math.toIntExact(day.toEpochDay());
  }
}
