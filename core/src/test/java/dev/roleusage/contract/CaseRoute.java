package dev.roleusage.contract;

import dev.roleusage.query.PercentDecoding;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A contract case's target taken apart the way CONTRACT §1 describes the path, far enough for
 * core: the API-version prefix ({@code /beta}, {@code /v2024}, {@code /v2025}, {@code /v2026} or
 * none), either layout ({@code /role-mining-potential-roles/{role}/sources/{source}/identityUsage}
 * or the per-API {@code /role-mining-potential-roles/v1/{role}/…}), and the percent-decoded ids.
 * Written in test code on purpose: the HTTP facade routes for real, and the suite must not depend
 * on it.
 *
 * @param versionPrefix the prefix without its slash ({@code beta}, {@code v2024}, …) or "" for none
 */
record CaseRoute(String versionPrefix, String potentialRoleId, String sourceId, String rawQuery) {
  private static final Set<String> PREFIXES = Set.of("beta", "v2024", "v2025", "v2026");

  /** The route of {@code target}, or empty when the path is not this operation or an id does not decode. */
  static Optional<CaseRoute> of(String target) {
    int q = target.indexOf('?');
    String path = q < 0 ? target : target.substring(0, q);
    String rawQuery = q < 0 ? null : target.substring(q + 1);
    if (!path.startsWith("/")) {
      return Optional.empty();
    }
    String[] segments = path.substring(1).split("/", -1);
    int i = 0;
    String prefix = "";
    if (segments.length > 0 && PREFIXES.contains(segments[0])) {
      prefix = segments[0];
      i = 1;
    }
    int rest = segments.length - i;
    if (rest == 6 && segments[i + 1].equals("v1")) {
      // The per-API layout: drop the "v1" segment and read the rest as usual.
      String[] shifted = new String[5];
      shifted[0] = segments[i];
      System.arraycopy(segments, i + 2, shifted, 1, 4);
      segments = shifted;
      i = 0;
      rest = 5;
    }
    if (rest != 5 || !segments[i].equals("role-mining-potential-roles") || !segments[i + 2].equals("sources")
        || !segments[i + 4].equals("identityUsage")) {
      return Optional.empty();
    }
    Optional<String> role = PercentDecoding.pathSegment(segments[i + 1]);
    Optional<String> source = PercentDecoding.pathSegment(segments[i + 3]);
    if (role.isEmpty() || source.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(new CaseRoute(prefix, role.get(), source.get(), rawQuery));
  }

  /**
   * Whether the HTTP facade would accept the request's {@code X-SailPoint-Experimental} header
   * (CONTRACT §1): not required under {@code /beta}; elsewhere present with value {@code true},
   * name and value case-insensitive. Core does not own this rule; the suite only reports it.
   */
  boolean experimentalHeaderAccepted(Map<String, String> headers) {
    if (versionPrefix.equals("beta")) {
      return true;
    }
    return headers.entrySet().stream().anyMatch(e -> e.getKey().equalsIgnoreCase("X-SailPoint-Experimental")
        && e.getValue().strip().equalsIgnoreCase("true"));
  }
}
