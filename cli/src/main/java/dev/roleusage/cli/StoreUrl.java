package dev.roleusage.cli;

import picocli.CommandLine;
import picocli.CommandLine.TypeConversionException;

/** The value of {@code --store}: {@code memory:} or a JDBC URL; checked when parsed. */
record StoreUrl(String url) {
  /** An embedded H2 database in {@code ./roleusage-data/} (relative to the working directory). */
  static final String DEFAULT = "jdbc:h2:file:./roleusage-data/roleusage";
  static final String MEMORY = "memory:";

  boolean isMemory() {
    return url.equals(MEMORY);
  }

  /** The URL without a password, for messages. */
  String shown() {
    return url.replaceAll("(?i)(password=)[^&;]*", "$1***")
        .replaceAll("(//[^/@:?&;]*:)[^/@?&;]*@", "$1***@");
  }

  @Override
  public String toString() {
    return shown();
  }

  static final class Converter implements CommandLine.ITypeConverter<StoreUrl> {
    @Override
    public StoreUrl convert(String value) {
      if (value.equals(MEMORY) || value.startsWith("jdbc:h2:") || value.startsWith("jdbc:postgresql:")) {
        return new StoreUrl(value);
      }
      throw new TypeConversionException("'" + value + "' is not a store; expected memory:, jdbc:h2:… or"
          + " jdbc:postgresql:…");
    }
  }
}
