package dev.roleusage.cli;

import picocli.CommandLine;

/** {@code --version}: the implementation version from the jar manifest, if any. */
final class Version implements CommandLine.IVersionProvider {
  @Override
  public String[] getVersion() {
    String v = Version.class.getPackage().getImplementationVersion();
    return new String[] {"roleusage " + (v == null ? "(development build)" : v)};
  }
}
