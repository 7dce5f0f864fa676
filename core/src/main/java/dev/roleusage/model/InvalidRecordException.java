package dev.roleusage.model;

/**
 * A record handed to the library broke a rule: an id that is empty or too long, a value with a
 * control character, a duplicate id in one change set, and so on. The message names the record
 * ({@code identity 'id-7'}) and the rule it broke, so an operator can find and fix the input.
 *
 * <p>Thrown before anything is written: a change set that contains an invalid record is
 * refused whole.
 */
public final class InvalidRecordException extends IllegalArgumentException {
  private final String record;
  private final String problem;

  /**
   * @param record what the record is, e.g. {@code identity 'id-7'}
   * @param problem the rule it broke, e.g. {@code displayName is longer than 512 characters}
   */
  public InvalidRecordException(String record, String problem) {
    super(record + ": " + problem);
    this.record = record;
    this.problem = problem;
  }

  /** The record, e.g. {@code identity 'id-7'}. */
  public String record() {
    return record;
  }

  /** The rule it broke, without the record. */
  public String problem() {
    return problem;
  }
}
