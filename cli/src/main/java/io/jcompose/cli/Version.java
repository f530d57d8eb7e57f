package io.jcompose.cli;

import picocli.CommandLine.IVersionProvider;

/** jcompose's version, from the jar manifest ({@code dev} when run from classes). */
public final class Version implements IVersionProvider {

  public static String current() {
    String version = Version.class.getPackage().getImplementationVersion();
    return version == null ? "dev" : version;
  }

  @Override
  public String[] getVersion() {
    return new String[] {"jcompose version " + current()};
  }
}
