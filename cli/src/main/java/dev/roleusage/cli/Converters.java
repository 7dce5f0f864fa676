package dev.roleusage.cli;

import dev.roleusage.model.InvalidRecordException;
import dev.roleusage.model.TenantId;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import picocli.CommandLine;
import picocli.CommandLine.TypeConversionException;

/** Option value converters whose messages say what was expected (a bad value exits 2). */
final class Converters {
  private Converters() {}

  static final class Tenant implements CommandLine.ITypeConverter<TenantId> {
    @Override
    public TenantId convert(String value) {
      try {
        return TenantId.of(value);
      } catch (InvalidRecordException e) {
        throw new TypeConversionException("'" + value + "' is not a tenant id: " + e.getMessage());
      }
    }
  }

  static final class Zone implements CommandLine.ITypeConverter<ZoneId> {
    @Override
    public ZoneId convert(String value) {
      try {
        return ZoneId.of(value);
      } catch (DateTimeException e) {
        throw new TypeConversionException("'" + value
            + "' is not a time zone; expected a region such as Europe/Berlin, or UTC, or an offset like +02:00");
      }
    }
  }

  static final class AsOfValue implements CommandLine.ITypeConverter<AsOf> {
    @Override
    public AsOf convert(String value) {
      try {
        if (value.length() == 10) {
          return new AsOf(null, LocalDate.parse(value));
        }
        return new AsOf(OffsetDateTime.parse(value).toInstant(), null);
      } catch (DateTimeParseException e) {
        throw new TypeConversionException("'" + value
            + "' is neither an ISO-8601 instant (2026-01-30T23:00:00Z) nor a date (2026-01-30)");
      }
    }
  }

  static final class Day implements CommandLine.ITypeConverter<LocalDate> {
    @Override
    public LocalDate convert(String value) {
      try {
        return LocalDate.parse(value);
      } catch (DateTimeParseException e) {
        throw new TypeConversionException("'" + value + "' is not a date (yyyy-MM-dd)");
      }
    }
  }
}
