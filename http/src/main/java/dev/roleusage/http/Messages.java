package dev.roleusage.http;

import dev.roleusage.query.Violation;
import java.text.MessageFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;

/**
 * The bundled message texts (ResourceBundles {@code dev/roleusage/http/Messages_*.properties},
 * UTF-8) and the choice among them from {@code Accept-Language}.
 *
 * <p>Bundles are loaded with a no-fallback control and without a root bundle, so the JVM's default
 * locale (tests run under {@code tr}) can never leak into a response: a text comes from exactly
 * the bundle that was chosen.
 */
final class Messages {
  static final String BASE_NAME = "dev.roleusage.http.Messages";
  /** The locale used when the request names none that is bundled. */
  static final Locale DEFAULT_LOCALE = Locale.forLanguageTag("en-US");
  /** Every bundled locale, as reported in {@code locale}; the first is the default. */
  static final List<Locale> BUNDLED = List.of(DEFAULT_LOCALE, Locale.forLanguageTag("de-DE"));

  /** A chosen bundle: its BCP 47 tag, whether Accept-Language chose it, and its texts. */
  record Chosen(Locale locale, boolean fromRequest, ResourceBundle bundle) {
    String tag() {
      return locale.toLanguageTag();
    }

    String origin() {
      return fromRequest ? "REQUEST" : "DEFAULT";
    }

    String text(String key, Object... args) {
      return new MessageFormat(bundle.getString(key), locale).format(args);
    }

    String violation(Violation v) {
      return text("violation." + v.code().name(), v.parameter(), v.value() == null ? "" : v.value(), v.argument());
    }
  }

  /** Lower-case tag → bundled locale: each full tag and its bare language. */
  private final Map<String, Chosen> byTag = new LinkedHashMap<>();
  private final Chosen fallback;

  Messages() {
    ResourceBundle.Control noFallback = ResourceBundle.Control.getNoFallbackControl(
        ResourceBundle.Control.FORMAT_PROPERTIES);
    for (Locale locale : BUNDLED) {
      ResourceBundle bundle = ResourceBundle.getBundle(BASE_NAME, locale, Messages.class.getClassLoader(), noFallback);
      Chosen chosen = new Chosen(locale, true, bundle);
      byTag.putIfAbsent(locale.toLanguageTag().toLowerCase(Locale.ROOT), chosen);
      byTag.putIfAbsent(locale.getLanguage(), chosen);
    }
    Chosen first = byTag.values().iterator().next();
    fallback = new Chosen(first.locale(), false, first.bundle());
  }

  /** The default bundle, origin DEFAULT. */
  Chosen fallback() {
    return fallback;
  }

  /**
   * The bundle that best matches the {@code Accept-Language} values (RFC 4647 lookup, q-values
   * honoured: {@code de-CH} finds {@code de-DE} through {@code de}); the default when nothing
   * matches, when only {@code *} is given, or when the header is malformed (never an error).
   */
  Chosen negotiate(List<String> acceptLanguage) {
    if (acceptLanguage.isEmpty()) {
      return fallback;
    }
    List<Locale.LanguageRange> ranges;
    try {
      ranges = Locale.LanguageRange.parse(String.join(",", acceptLanguage));
    } catch (IllegalArgumentException malformed) {
      return fallback;
    }
    String tag = Locale.lookupTag(ranges, byTag.keySet());
    if (tag == null) {
      return fallback;
    }
    Chosen chosen = byTag.get(tag.toLowerCase(Locale.ROOT));
    return chosen == null ? fallback : chosen;
  }
}
