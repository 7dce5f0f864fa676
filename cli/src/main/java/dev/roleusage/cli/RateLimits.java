package dev.roleusage.cli;

import dev.roleusage.http.RateLimit;
import java.time.Duration;
import picocli.CommandLine;
import picocli.CommandLine.TypeConversionException;

/** {@code --rate-limit N/SECONDS} (e.g. {@code 100/10}) or {@code none}. */
final class RateLimits implements CommandLine.ITypeConverter<RateLimit> {
  @Override
  public RateLimit convert(String value) {
    if (value.equalsIgnoreCase("none")) {
      return RateLimit.unlimited();
    }
    int slash = value.indexOf('/');
    try {
      if (slash > 0) {
        int requests = Integer.parseInt(value.substring(0, slash));
        long seconds = Long.parseLong(value.substring(slash + 1));
        if (requests >= 1 && seconds >= 1) {
          return RateLimit.perCaller(requests, Duration.ofSeconds(seconds));
        }
      }
    } catch (NumberFormatException e) {
      // fall through to the message below
    }
    throw new TypeConversionException("'" + value + "' is not N/SECONDS with N ≥ 1 and SECONDS ≥ 1 (e.g. 100/10),"
        + " nor none");
  }
}
