package dev.roleusage.query;

import com.google.common.base.Ascii;
import com.google.common.collect.ImmutableList;
import dev.roleusage.model.TextRules;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A valid request for one page: which potential role and source, in which order, which slice, and
 * whether to count the whole role (CONTRACT §1). Instances always hold: ids valid, sorters with
 * distinct fields, {@code 0 ≤ offset ≤ 2^31−1}, {@code 0 ≤ limit ≤ 250}.
 *
 * <p>From raw request strings, use {@link #parse(String, String, QueryString)}, which collects
 * every broken rule. In code, use {@link #builder(String, String)}.
 */
public record IdentityUsageQuery(
    String potentialRoleId, String sourceId, List<Sorter> sorters, int offset, int limit, boolean count) {

  /** Largest {@code limit}. */
  public static final int MAX_LIMIT = 250;
  /** {@code limit} when none is given. */
  public static final int DEFAULT_LIMIT = 250;
  /** More sorter items than this are refused without looking at each (3 fields exist). */
  public static final int MAX_SORTER_ITEMS = 10;

  private static final Pattern DECIMAL = Pattern.compile("-?[0-9]+");
  private static final BigInteger MAX_OFFSET = BigInteger.valueOf(Integer.MAX_VALUE);

  public IdentityUsageQuery {
    sorters = ImmutableList.copyOf(sorters);
    List<Violation> violations = new ArrayList<>();
    idViolation("potentialRoleId", potentialRoleId).ifPresent(violations::add);
    idViolation("sourceId", sourceId).ifPresent(violations::add);
    Set<SortField> seen = EnumSet.noneOf(SortField.class);
    for (Sorter s : sorters) {
      if (!seen.add(s.field())) {
        violations.add(Violation.of("sorters", Violation.Code.SORTER_REPEATED_FIELD, s.toString()));
      }
    }
    if (offset < 0) {
      violations.add(Violation.of("offset", Violation.Code.BELOW_MINIMUM, String.valueOf(offset), 0));
    }
    if (limit < 0) {
      violations.add(Violation.of("limit", Violation.Code.BELOW_MINIMUM, String.valueOf(limit), 0));
    } else if (limit > MAX_LIMIT) {
      violations.add(Violation.of("limit", Violation.Code.ABOVE_MAXIMUM, String.valueOf(limit), MAX_LIMIT));
    }
    if (!violations.isEmpty()) {
      throw new InvalidQueryException(violations);
    }
  }

  /** A builder with the defaults: no sorters, offset 0, limit 250, no count. */
  public static Builder builder(String potentialRoleId, String sourceId) {
    return new Builder(potentialRoleId, sourceId);
  }

  /** Index one past the last row of the page, without overflow (CONTRACT §1). */
  public long end() {
    return (long) offset + limit;
  }

  /**
   * Checks the raw, already percent-decoded path ids and the query string against every rule of
   * CONTRACT §1. Other parameters are ignored. Never throws for bad input.
   */
  public static ParsedQuery parse(String potentialRoleId, String sourceId, QueryString query) {
    List<Violation> violations = new ArrayList<>();
    idViolation("potentialRoleId", potentialRoleId).ifPresent(violations::add);
    idViolation("sourceId", sourceId).ifPresent(violations::add);

    List<Sorter> sorters = List.of();
    Optional<String> rawSorters = single("sorters", query, violations);
    if (rawSorters.isPresent()) {
      sorters = parseSorters(rawSorters.get(), violations);
    }
    int offset = single("offset", query, violations)
        .map(v -> parseInt("offset", v, Integer.MAX_VALUE, violations)).orElse(0);
    int limit = single("limit", query, violations)
        .map(v -> parseInt("limit", v, MAX_LIMIT, violations)).orElse(DEFAULT_LIMIT);
    boolean count = single("count", query, violations)
        .map(v -> parseBoolean("count", v, violations)).orElse(false);

    if (!violations.isEmpty()) {
      return new ParsedQuery.Invalid(violations);
    }
    return new ParsedQuery.Valid(new IdentityUsageQuery(potentialRoleId, sourceId, sorters, offset, limit, count));
  }

  private static Optional<Violation> idViolation(String parameter, String value) {
    if (value == null || value.isEmpty()) {
      return Optional.of(Violation.of(parameter, Violation.Code.ID_EMPTY, null));
    }
    if (value.length() > TextRules.MAX_ID_LENGTH) {
      return Optional.of(Violation.of(parameter, Violation.Code.ID_TOO_LONG, null, TextRules.MAX_ID_LENGTH));
    }
    if (TextRules.textProblem(value).isPresent()) {
      return Optional.of(Violation.of(parameter, Violation.Code.ID_INVALID_CHARACTER, null));
    }
    return Optional.empty();
  }

  /** The one value of {@code name}; a repeated or malformed parameter is a violation and yields empty. */
  private static Optional<String> single(String name, QueryString query, List<Violation> violations) {
    List<String> values = query.parameters().get(name);
    if (values.isEmpty()) {
      return Optional.empty();
    }
    if (values.size() > 1) {
      violations.add(Violation.of(name, Violation.Code.PARAMETER_REPEATED, null));
      return Optional.empty();
    }
    if (query.malformed().contains(name)) {
      violations.add(Violation.of(name, Violation.Code.MALFORMED_ENCODING, null));
      return Optional.empty();
    }
    return Optional.of(values.get(0));
  }

  private static int parseInt(String name, String value, int max, List<Violation> violations) {
    if (!DECIMAL.matcher(value).matches()) {
      violations.add(Violation.of(name, Violation.Code.NOT_AN_INTEGER, value));
      return 0;
    }
    BigInteger n = new BigInteger(value);
    if (n.signum() < 0) {
      violations.add(Violation.of(name, Violation.Code.BELOW_MINIMUM, value, 0));
      return 0;
    }
    if (n.compareTo(BigInteger.valueOf(max)) > 0) {
      violations.add(Violation.of(name, Violation.Code.ABOVE_MAXIMUM, value, max));
      return 0;
    }
    return n.intValueExact();
  }

  private static boolean parseBoolean(String name, String value, List<Violation> violations) {
    if (Ascii.equalsIgnoreCase(value, "true")) {
      return true;
    }
    if (Ascii.equalsIgnoreCase(value, "false")) {
      return false;
    }
    violations.add(Violation.of(name, Violation.Code.NOT_A_BOOLEAN, value));
    return false;
  }

  private static List<Sorter> parseSorters(String raw, List<Violation> violations) {
    if (raw.strip().isEmpty()) {
      return List.of();
    }
    String[] items = raw.split(",", -1);
    if (items.length > MAX_SORTER_ITEMS) {
      violations.add(Violation.of("sorters", Violation.Code.SORTERS_TOO_MANY, null, MAX_SORTER_ITEMS));
      return List.of();
    }
    List<Sorter> sorters = new ArrayList<>(items.length);
    Set<SortField> seen = EnumSet.noneOf(SortField.class);
    for (String untrimmed : items) {
      String item = untrimmed.strip();
      boolean descending = item.startsWith("-");
      String fieldName = descending ? item.substring(1) : item;
      if (fieldName.isEmpty()) {
        violations.add(Violation.of("sorters", Violation.Code.SORTER_EMPTY, item));
        continue;
      }
      Optional<SortField> field = SortField.fromWireName(fieldName);
      if (field.isEmpty()) {
        violations.add(Violation.of("sorters", Violation.Code.SORTER_UNKNOWN_FIELD, item));
      } else if (!seen.add(field.get())) {
        violations.add(Violation.of("sorters", Violation.Code.SORTER_REPEATED_FIELD, item));
      } else {
        sorters.add(new Sorter(field.get(), descending));
      }
    }
    return sorters;
  }

  /** Builds a query in code; {@link #build()} throws {@link InvalidQueryException} naming every broken rule. */
  public static final class Builder {
    private final String potentialRoleId;
    private final String sourceId;
    private List<Sorter> sorters = List.of();
    private int offset;
    private int limit = DEFAULT_LIMIT;
    private boolean count;

    private Builder(String potentialRoleId, String sourceId) {
      this.potentialRoleId = potentialRoleId;
      this.sourceId = sourceId;
    }

    public Builder sorters(List<Sorter> sorters) {
      this.sorters = List.copyOf(sorters);
      return this;
    }

    public Builder sorters(Sorter... sorters) {
      return sorters(List.of(sorters));
    }

    public Builder offset(int offset) {
      this.offset = offset;
      return this;
    }

    public Builder limit(int limit) {
      this.limit = limit;
      return this;
    }

    public Builder count(boolean count) {
      this.count = count;
      return this;
    }

    public IdentityUsageQuery build() {
      return new IdentityUsageQuery(potentialRoleId, sourceId, sorters, offset, limit, count);
    }
  }
}
