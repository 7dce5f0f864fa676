package dev.roleusage.dataset;

import java.nio.file.Path;

/**
 * A data-set folder could not be read: a malformed row, a missing required column, an unreadable
 * file. The message is {@code file:line: reason}; nothing of the load was kept.
 */
public final class DataSetException extends Exception {
  private final Path file;
  private final long line;
  private final String reason;

  public DataSetException(Path file, long line, String reason) {
    super(file.getFileName() + (line > 0 ? ":" + line : "") + ": " + reason);
    this.file = file;
    this.line = line;
    this.reason = reason;
  }

  public DataSetException(Path file, long line, String reason, Throwable cause) {
    this(file, line, reason);
    initCause(cause);
  }

  /** The file, as given. */
  public Path file() {
    return file;
  }

  /** 1-based line of the offending row (0 when the file as a whole is at fault). */
  public long line() {
    return line;
  }

  /** What was wrong, without the location. */
  public String reason() {
    return reason;
  }
}
