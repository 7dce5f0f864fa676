package dev.roleusage.query;

import com.google.common.collect.ImmutableListMultimap;
import com.google.common.collect.ImmutableSet;
import com.google.common.collect.ListMultimap;
import java.util.Optional;
import java.util.Set;

/**
 * A raw query string ({@code sorters=-usageCount&limit=10}), split and percent-decoded, with every
 * repetition of a name kept so that "a parameter given twice" can be refused (CONTRACT §1).
 * Parts whose encoding is malformed are remembered by their raw name.
 */
public final class QueryString {
  private final ImmutableListMultimap<String, String> parameters;
  private final ImmutableSet<String> malformed;

  private QueryString(ImmutableListMultimap<String, String> parameters, ImmutableSet<String> malformed) {
    this.parameters = parameters;
    this.malformed = malformed;
  }

  /** The empty query string. */
  public static QueryString empty() {
    return new QueryString(ImmutableListMultimap.of(), ImmutableSet.of());
  }

  /** Parses the raw (still percent-encoded) query string, without the leading {@code ?}; null is empty. */
  public static QueryString parse(String raw) {
    ImmutableListMultimap.Builder<String, String> params = ImmutableListMultimap.builder();
    ImmutableSet.Builder<String> malformed = ImmutableSet.builder();
    if (raw != null && !raw.isEmpty()) {
      int start = 0;
      while (start <= raw.length()) {
        int amp = raw.indexOf('&', start);
        int end = amp < 0 ? raw.length() : amp;
        if (end > start) {
          String part = raw.substring(start, end);
          int eq = part.indexOf('=');
          String rawName = eq < 0 ? part : part.substring(0, eq);
          String rawValue = eq < 0 ? "" : part.substring(eq + 1);
          Optional<String> name = PercentDecoding.queryPart(rawName);
          Optional<String> value = PercentDecoding.queryPart(rawValue);
          if (name.isPresent() && value.isPresent()) {
            params.put(name.get(), value.get());
          } else {
            String key = name.orElse(rawName);
            malformed.add(key);
            params.put(key, rawValue);
          }
        }
        if (amp < 0) {
          break;
        }
        start = amp + 1;
      }
    }
    return new QueryString(params.build(), malformed.build());
  }

  /** A query string from already-decoded values (for programmatic use and tests). */
  public static QueryString of(ListMultimap<String, String> decoded) {
    return new QueryString(ImmutableListMultimap.copyOf(decoded), ImmutableSet.of());
  }

  /** Every decoded name with all its values, in order. */
  public ImmutableListMultimap<String, String> parameters() {
    return parameters;
  }

  /** Names whose name or value was not valid percent-encoded UTF-8. */
  public Set<String> malformed() {
    return malformed;
  }
}
