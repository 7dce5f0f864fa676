package dev.roleusage.http;

import com.sun.net.httpserver.HttpHandler;
import dev.roleusage.RoleUsage;
import dev.roleusage.model.TenantId;
import dev.roleusage.query.IdentityUsageQuery;
import dev.roleusage.query.ParsedQuery;
import dev.roleusage.query.PercentDecoding;
import dev.roleusage.query.QueryString;
import dev.roleusage.query.UsagePage;
import dev.roleusage.query.Violation;
import dev.roleusage.spi.Lookup;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * SailPoint's {@code GET /role-mining-potential-roles/{potentialRoleId}/sources/{sourceId}/identityUsage}
 * as a framework-neutral function from {@link HttpCall} to {@link HttpAnswer}: status, headers and
 * body bytes exactly as the published spec and CONTRACT §1, §4 and §5 say. Mount it in any web
 * stack by copying the request in and the answer out; {@link #asJdkHandler()} does that for the
 * JDK's built-in HTTP server.
 *
 * <pre>{@code
 * IdentityUsageEndpoint endpoint = IdentityUsageEndpoint.builder(engine)
 *     .authenticator(myBearerTokenCheck)                 // → 401; decides the caller and its tenant
 *     .authorizer(Authorizer.specScopes())               // → 403
 *     .rateLimit(RateLimit.perCaller(100, Duration.ofSeconds(10)))   // → 429 (the default)
 *     .build();
 * HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 8080), 0);
 * server.createContext("/", endpoint.asJdkHandler());
 * server.start();
 * }</pre>
 *
 * <h2>Order of checks</h2>
 * Oversized request (400) → path is this operation (404) → method is GET (405) → authenticate
 * (401) → rate limit (429) → request rules incl. {@code X-SailPoint-Experimental} (400, every
 * broken rule one cause) → authorize (403) → read (404 unknown role or source, or 200). Anything
 * thrown on the way is a 500 whose cause is logged with its trackingId and never sent.
 *
 * <p>Thread-safe; one instance serves all callers and tenants.
 */
public final class IdentityUsageEndpoint {
  private static final Logger LOG = LoggerFactory.getLogger(IdentityUsageEndpoint.class);

  /** The header the v2024+ APIs require. */
  public static final String EXPERIMENTAL_HEADER = "X-SailPoint-Experimental";
  /** Longest raw path accepted (two 128-char ids, fully percent-encoded, fit easily). */
  public static final int MAX_PATH_CHARS = 4096;
  /** Longest raw query string accepted. */
  public static final int MAX_QUERY_CHARS = 8192;
  /** Most characters in all headers together (names, values, 4 per header for ": " and CRLF). */
  public static final int MAX_HEADER_CHARS = 16384;

  static final String JSON_CONTENT_TYPE = "application/json";

  private final RoleUsage engine;
  private final Authenticator authenticator;
  private final Authorizer authorizer;
  private final RateLimiter rateLimiter;
  private final boolean requireExperimentalHeader;
  private final Messages messages = new Messages();

  private IdentityUsageEndpoint(Builder b) {
    this.engine = b.engine;
    this.authenticator = b.authenticator != null ? b.authenticator
        : b.defaultTenant != null ? Authenticator.fixedTenant(b.defaultTenant)
        : Authenticator.hostEstablished();
    this.authorizer = b.authorizer;
    this.rateLimiter = new RateLimiter(b.rateLimit);
    this.requireExperimentalHeader = b.requireExperimentalHeader;
  }

  /** An endpoint answering from {@code engine}; see {@link Builder} for the defaults. */
  public static Builder builder(RoleUsage engine) {
    return new Builder(engine);
  }

  /** Answers one request. Never throws for anything the request or the store does. */
  public HttpAnswer handle(HttpCall call) {
    Objects.requireNonNull(call, "call");
    Messages.Chosen locale = messages.fallback();
    try {
      Optional<Violation> tooLarge = tooLarge(call);
      if (tooLarge.isPresent()) {
        return badRequest(locale, List.of(tooLarge.get()));
      }
      locale = messages.negotiate(call.headerValues("Accept-Language"));
      return answer(call, locale);
    } catch (RuntimeException e) {
      String trackingId = newTrackingId();
      LOG.error("identityUsage request failed with an internal fault; trackingId={} method={} path={}",
          trackingId, call.method(), shorten(call.rawPath()), e);
      return error(500, "500.0 Internal Fault", trackingId, locale, "message.500", List.of(), Map.of());
    }
  }

  /** This endpoint as a handler for the JDK's {@code com.sun.net.httpserver.HttpServer}. */
  public HttpHandler asJdkHandler() {
    return new JdkHttpHandler(this);
  }

  private HttpAnswer answer(HttpCall call, Messages.Chosen locale) {
    Optional<Route> found = Route.of(call.rawPath());
    if (found.isEmpty()) {
      return error(404, "404 Not found", newTrackingId(), locale, "message.404", List.of(), Map.of());
    }
    Route route = found.get();
    if (!call.method().equals("GET")) {
      return error(405, "405 Method Not Allowed", newTrackingId(), locale, "message.405",
          List.of(locale.text("cause.METHOD_NOT_ALLOWED", shorten(call.method()))), Map.of("Allow", "GET"));
    }

    Authentication authentication = Objects.requireNonNull(authenticator.authenticate(call),
        "the authenticator returned null");
    if (authentication instanceof Authentication.Rejected rejected) {
      return answer(401, JsonBodies.unauthorized(rejected.text()), Map.of());
    }
    Caller caller = ((Authentication.Authenticated) authentication).caller();

    long retryAfterSeconds = rateLimiter.tryAcquire(caller);
    if (retryAfterSeconds > 0) {
      return answer(429, JsonBodies.rateLimited(), Map.of("Retry-After", Long.toString(retryAfterSeconds)));
    }

    List<Violation> violations = new ArrayList<>();
    if (requireExperimentalHeader && !route.isBeta() && !isTrue(call.headerValues(EXPERIMENTAL_HEADER))) {
      violations.add(Violation.of(EXPERIMENTAL_HEADER, Violation.Code.EXPERIMENTAL_HEADER, null));
    }
    Optional<String> roleId = PercentDecoding.pathSegment(route.rawPotentialRoleId());
    Optional<String> sourceId = PercentDecoding.pathSegment(route.rawSourceId());
    if (roleId.isEmpty()) {
      violations.add(Violation.of("potentialRoleId", Violation.Code.MALFORMED_ENCODING, null));
    }
    if (sourceId.isEmpty()) {
      violations.add(Violation.of("sourceId", Violation.Code.MALFORMED_ENCODING, null));
    }
    // An undecodable id was reported above; a stand-in lets the query rules still be checked.
    ParsedQuery parsed = IdentityUsageQuery.parse(roleId.orElse("-"), sourceId.orElse("-"),
        QueryString.parse(call.rawQuery()));
    if (parsed instanceof ParsedQuery.Invalid invalid) {
      violations.addAll(invalid.violations());
    }
    if (!violations.isEmpty()) {
      return badRequest(locale, violations);
    }
    IdentityUsageQuery query = ((ParsedQuery.Valid) parsed).query();

    // The tenant is the caller's, never anything the request names (CONTRACT §6).
    TenantId tenant = caller.tenant();
    if (!authorizer.allows(caller, tenant, query.potentialRoleId())) {
      return error(403, "403 Forbidden", newTrackingId(), locale, "message.403", List.of(), Map.of());
    }

    Lookup<UsagePage> result = engine.query(tenant, query);
    if (result instanceof Lookup.Found<UsagePage> page) {
      Map<String, String> headers = new LinkedHashMap<>();
      page.value().total().ifPresent(total -> headers.put("X-Total-Count", Long.toString(total)));
      return answer(200, JsonBodies.rows(page.value().rows()), headers);
    }
    if (result instanceof Lookup.PotentialRoleNotFound<UsagePage> role) {
      return error(404, "404 Not found", newTrackingId(), locale, "message.404",
          List.of(locale.text("cause.ROLE_NOT_FOUND", shorten(role.potentialRoleId()))), Map.of());
    }
    if (result instanceof Lookup.SourceNotFound<UsagePage> source) {
      return error(404, "404 Not found", newTrackingId(), locale, "message.404",
          List.of(locale.text("cause.SOURCE_NOT_FOUND", shorten(source.sourceId()))), Map.of());
    }
    throw new IllegalStateException("unknown lookup result " + result.getClass().getName());
  }

  /** The one size rule a request breaks first, if any; checked before anything is parsed. */
  private static Optional<Violation> tooLarge(HttpCall call) {
    if (call.rawPath().length() > MAX_PATH_CHARS) {
      return Optional.of(Violation.of("path", Violation.Code.REQUEST_TOO_LARGE, null, MAX_PATH_CHARS));
    }
    if (call.rawQuery() != null && call.rawQuery().length() > MAX_QUERY_CHARS) {
      return Optional.of(Violation.of("query string", Violation.Code.REQUEST_TOO_LARGE, null, MAX_QUERY_CHARS));
    }
    long headerChars = 0;
    for (Map.Entry<String, List<String>> h : call.headers().entrySet()) {
      for (String value : h.getValue()) {
        headerChars += h.getKey().length() + value.length() + 4;
      }
      if (headerChars > MAX_HEADER_CHARS) {
        return Optional.of(Violation.of("headers", Violation.Code.REQUEST_TOO_LARGE, null, MAX_HEADER_CHARS));
      }
    }
    return Optional.empty();
  }

  /** Exactly one value, {@code true} in any ASCII case (not Unicode case folding). */
  private static boolean isTrue(List<String> values) {
    if (values.size() != 1) {
      return false;
    }
    String v = values.get(0).strip();
    if (v.length() != 4) {
      return false;
    }
    String expected = "true";
    for (int i = 0; i < 4; i++) {
      char c = v.charAt(i);
      char lower = c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c;
      if (lower != expected.charAt(i)) {
        return false;
      }
    }
    return true;
  }

  private HttpAnswer badRequest(Messages.Chosen locale, List<Violation> violations) {
    List<String> causes = violations.stream().map(locale::violation).toList();
    return error(400, "400.1 Bad Request Content", newTrackingId(), locale, "message.400", causes, Map.of());
  }

  private static HttpAnswer error(int status, String detailCode, String trackingId, Messages.Chosen locale,
      String messageKey, List<String> causes, Map<String, String> extraHeaders) {
    return answer(status, JsonBodies.error(detailCode, trackingId, locale, locale.text(messageKey), causes),
        extraHeaders);
  }

  private static HttpAnswer answer(int status, byte[] body, Map<String, String> extraHeaders) {
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("Content-Type", JSON_CONTENT_TYPE);
    headers.putAll(extraHeaders);
    return new HttpAnswer(status, headers, body);
  }

  /** 32 lowercase hex digits from a random (SecureRandom-backed) UUID; new for every error. */
  static String newTrackingId() {
    UUID u = UUID.randomUUID();
    return String.format("%016x%016x", u.getMostSignificantBits(), u.getLeastSignificantBits());
  }

  private static String shorten(String s) {
    return s.length() <= 64 ? s : s.substring(0, 64) + "…";
  }

  /**
   * Configures an {@link IdentityUsageEndpoint}. Defaults: every request is the anonymous caller
   * of {@link #defaultTenant} (or, without one, the caller the host put in {@link HttpCall#caller()},
   * else 401); every caller allowed; 100 requests per caller per 10 s; the experimental header
   * required.
   */
  public static final class Builder {
    private final RoleUsage engine;
    private Authenticator authenticator;
    private TenantId defaultTenant;
    private Authorizer authorizer = Authorizer.allowAll();
    private RateLimit rateLimit = RateLimit.sailPointDefault();
    private boolean requireExperimentalHeader = true;

    private Builder(RoleUsage engine) {
      this.engine = Objects.requireNonNull(engine, "engine");
    }

    /** Decides the caller and its tenant for every request (→ 401 when it rejects). */
    public Builder authenticator(Authenticator authenticator) {
      this.authenticator = Objects.requireNonNull(authenticator, "authenticator");
      return this;
    }

    /**
     * Without an authenticator: the tenant every request reads (as the anonymous caller), unless
     * the host put a caller in the request.
     */
    public Builder defaultTenant(TenantId tenant) {
      this.defaultTenant = Objects.requireNonNull(tenant, "tenant");
      return this;
    }

    /** Decides whether a caller may read a potential role (→ 403); default allows all. */
    public Builder authorizer(Authorizer authorizer) {
      this.authorizer = Objects.requireNonNull(authorizer, "authorizer");
      return this;
    }

    /** The per-caller limit (→ 429); default {@link RateLimit#sailPointDefault()}. */
    public Builder rateLimit(RateLimit rateLimit) {
      this.rateLimit = Objects.requireNonNull(rateLimit, "rateLimit");
      return this;
    }

    /**
     * Whether {@code X-SailPoint-Experimental: true} is required outside {@code /beta} (default
     * true, as SailPoint's v2024+ APIs do).
     */
    public Builder requireExperimentalHeader(boolean require) {
      this.requireExperimentalHeader = require;
      return this;
    }

    public IdentityUsageEndpoint build() {
      if (authenticator != null && defaultTenant != null) {
        throw new IllegalStateException(
            "set either an authenticator or a defaultTenant, not both: the authenticator decides the tenant");
      }
      return new IdentityUsageEndpoint(this);
    }
  }
}
