package dev.roleusage.spi;

/**
 * A store could not do what was asked (database down, constraint violated, I/O failed). The
 * message is for logs, not for API responses: the HTTP facade answers 500 with a generic text.
 * When a write fails, nothing of its change set was applied.
 */
public class StoreException extends RuntimeException {
  public StoreException(String message, Throwable cause) {
    super(message, cause);
  }

  public StoreException(String message) {
    super(message);
  }
}
