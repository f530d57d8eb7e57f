package io.jcompose.cli.copy;

import io.jcompose.cli.UserException;
import java.util.Objects;
import java.util.Optional;

/**
 * Where an archive of {@code source} lands for the copy to end at {@code destination}: moby's
 * {@code PrepareArchiveCopy}. The archive is extracted into {@link #directory()}; when {@link
 * #rename()} is set, its top entry (named {@code from}) takes the destination's name.
 *
 * @param directory the directory to extract into
 * @param rename the top entry's renaming, when the destination names the copy
 */
public record CopyTarget(String directory, Optional<Rename> rename) {

  public CopyTarget {
    Objects.requireNonNull(directory, "directory");
    Objects.requireNonNull(rename, "rename");
  }

  /** The archive's top entry {@code from} becomes {@code to}. */
  public record Rename(String from, String to) {
    public Rename {
      Objects.requireNonNull(from, "from");
      Objects.requireNonNull(to, "to");
    }

    /** {@code name} with its first part renamed, when that part is {@code from}. */
    public String apply(String name) {
      if (name.equals(from)) {
        return to;
      }
      if (from.equals(".") && !name.startsWith("./")) {
        return to + "/" + name;
      }
      if (name.startsWith(from + "/")) {
        return to + name.substring(from.length());
      }
      return name;
    }
  }

  /**
   * @param sourcePath the copied path as given (its last part names the archive's top entry)
   * @param sourceIsDirectory whether the source is a directory
   * @param rebaseName the top entry's name after following a symlink, empty when not renamed
   * @param destinationPath the destination as given
   * @param destination what is at the destination, empty when nothing
   */
  public static CopyTarget of(
      String sourcePath,
      boolean sourceIsDirectory,
      String rebaseName,
      String destinationPath,
      Optional<Boolean> destination) {
    String[] destinationParts = CopyPaths.splitDirEntry(destinationPath);
    String sourceBase = rebaseName.isEmpty() ? CopyPaths.splitDirEntry(sourcePath)[1] : rebaseName;
    boolean exists = destination.isPresent();
    boolean destinationIsDirectory = destination.orElse(false);
    if (exists && destinationIsDirectory) {
      return new CopyTarget(destinationPath, Optional.empty());
    }
    if (exists && sourceIsDirectory) {
      throw new UserException("cannot copy a directory to a file: " + destinationPath);
    }
    if (!exists && !sourceIsDirectory && CopyPaths.assertsDirectory(destinationPath)) {
      throw new UserException(
          "no such directory: " + destinationPath + " (a file cannot be copied to it)");
    }
    return new CopyTarget(
        destinationParts[0], Optional.of(new Rename(sourceBase, destinationParts[1])));
  }
}
