package dev.roleusage.query;

import java.util.List;
import java.util.Objects;

/**
 * One broken request rule (CONTRACT §1): which parameter, which rule, and the offending value.
 * The HTTP facade renders each violation as one {@code causes} entry, in the caller's language,
 * from {@link #code()} and {@link #arguments()}; {@link #message()} is the English text.
 *
 * @param parameter the parameter or path part, e.g. {@code limit}, {@code sorters}, {@code potentialRoleId}
 * @param code the rule
 * @param value the offending value or item (shortened to 64 chars), or null when there is none
 * @param arguments extra numbers the message needs (e.g. the maximum), as strings
 */
public record Violation(String parameter, Code code, String value, List<String> arguments) {
  private static final int MAX_ECHO = 64;

  /** The rules of CONTRACT §1 that a request can break. */
  public enum Code {
    /** {0}=parameter: the path id is empty. */
    ID_EMPTY,
    /** {0}=parameter {2}=max: the path id is longer than max. */
    ID_TOO_LONG,
    /** {0}=parameter: the path id contains a control character or is not valid text. */
    ID_INVALID_CHARACTER,
    /** {0}=parameter {1}=value: not a decimal integer. */
    NOT_AN_INTEGER,
    /** {0}=parameter {1}=value {2}=min: below the minimum. */
    BELOW_MINIMUM,
    /** {0}=parameter {1}=value {2}=max: above the maximum. */
    ABOVE_MAXIMUM,
    /** {0}=parameter {1}=value: not true or false. */
    NOT_A_BOOLEAN,
    /** {0}=parameter {1}=item: an empty item in sorters. */
    SORTER_EMPTY,
    /** {0}=parameter {1}=item: a field that cannot be sorted by. */
    SORTER_UNKNOWN_FIELD,
    /** {0}=parameter {1}=item: a field named a second time. */
    SORTER_REPEATED_FIELD,
    /** {0}=parameter {2}=max: more sorter items than anyone could mean. */
    SORTERS_TOO_MANY,
    /** {0}=parameter: the parameter is given more than once. */
    PARAMETER_REPEATED,
    /** {0}=parameter: the value is not valid percent-encoded UTF-8. */
    MALFORMED_ENCODING,
    /** {0}=header: the X-SailPoint-Experimental header is missing or not "true". */
    EXPERIMENTAL_HEADER,
    /** {2}=max: the request (query string, header) is too large to process. */
    REQUEST_TOO_LARGE
  }

  public Violation {
    Objects.requireNonNull(parameter, "parameter");
    Objects.requireNonNull(code, "code");
    if (value != null && value.length() > MAX_ECHO) {
      int end = MAX_ECHO;
      if (Character.isHighSurrogate(value.charAt(end - 1))) {
        end--;
      }
      value = value.substring(0, end) + "…";
    }
    arguments = List.copyOf(arguments);
  }

  public static Violation of(String parameter, Code code, String value, Object... arguments) {
    return new Violation(parameter, code, value,
        java.util.Arrays.stream(arguments).map(String::valueOf).toList());
  }

  /** The first extra argument, or "" (the minimum or maximum for range rules). */
  public String argument() {
    return arguments.isEmpty() ? "" : arguments.get(0);
  }

  /** The English text of this violation, as the default (en-US) bundle renders it. */
  public String message() {
    String v = value == null ? "" : value;
    switch (code) {
      case ID_EMPTY: return parameter + " must not be empty";
      case ID_TOO_LONG: return parameter + " must be at most " + argument() + " characters long";
      case ID_INVALID_CHARACTER: return parameter + " must not contain control characters or invalid text";
      case NOT_AN_INTEGER: return parameter + " must be a decimal integer, but was '" + v + "'";
      case BELOW_MINIMUM: return parameter + " must be at least " + argument() + ", but was " + v;
      case ABOVE_MAXIMUM: return parameter + " must be at most " + argument() + ", but was " + v;
      case NOT_A_BOOLEAN: return parameter + " must be true or false, but was '" + v + "'";
      case SORTER_EMPTY: return parameter + " has an empty item '" + v + "'";
      case SORTER_UNKNOWN_FIELD:
        return parameter + " item '" + v + "' is not one of displayName, email, usageCount";
      case SORTER_REPEATED_FIELD: return parameter + " item '" + v + "' names a field that is already sorted by";
      case SORTERS_TOO_MANY: return parameter + " must have at most " + argument() + " items";
      case PARAMETER_REPEATED: return parameter + " must be given at most once";
      case MALFORMED_ENCODING: return parameter + " is not valid percent-encoded UTF-8";
      case EXPERIMENTAL_HEADER: return "the " + parameter + " header is missing or is not 'true'";
      case REQUEST_TOO_LARGE: return parameter + " is too large (at most " + argument() + " characters)";
      default: throw new AssertionError(code);
    }
  }
}
