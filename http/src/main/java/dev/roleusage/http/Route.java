package dev.roleusage.http;

import java.util.Optional;
import java.util.Set;

/**
 * Where a raw path points: the identityUsage operation, in either layout, with or without an
 * API-version prefix. The ids are still percent-encoded: the raw path is split on {@code /} first,
 * so an encoded {@code %2F} stays inside its id.
 *
 * @param versionPrefix {@code beta}, {@code v2024}, … or empty
 */
record Route(Optional<String> versionPrefix, String rawPotentialRoleId, String rawSourceId) {
  static final Set<String> VERSION_PREFIXES = Set.of("beta", "v2024", "v2025", "v2026");
  private static final String ROOT = "role-mining-potential-roles";

  /** The beta API has no experimental header (its spec does not declare one). */
  boolean isBeta() {
    return versionPrefix.filter("beta"::equals).isPresent();
  }

  /** The route of {@code rawPath}, or empty when it is not this operation (404). */
  static Optional<Route> of(String rawPath) {
    String[] s = rawPath.split("/", -1);
    if (s.length < 2 || !s[0].isEmpty()) {
      return Optional.empty();
    }
    int i = 1;
    Optional<String> prefix = Optional.empty();
    if (VERSION_PREFIXES.contains(s[i])) {
      prefix = Optional.of(s[i]);
      i++;
    }
    if (i >= s.length || !s[i].equals(ROOT)) {
      return Optional.empty();
    }
    int rest = s.length - i - 1;
    // {role}/sources/{source}/identityUsage, or v1/{role}/sources/{source}/identityUsage: the
    // segment count tells the layouts apart, so a role may even be called "v1".
    int r;
    if (rest == 4) {
      r = i + 1;
    } else if (rest == 5 && s[i + 1].equals("v1")) {
      r = i + 2;
    } else {
      return Optional.empty();
    }
    if (!s[r + 1].equals("sources") || !s[r + 3].equals("identityUsage")) {
      return Optional.empty();
    }
    return Optional.of(new Route(prefix, s[r], s[r + 2]));
  }
}
