package io.jcompose.engine.build.context;

import io.jcompose.engine.fault.EngineFault;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A COPY or ADD with its sources resolved: what the build cache keys it by, and how it writes into
 * a step's root filesystem.
 */
public final class PreparedCopy {

  /** What was resolved: the sources, the absolute destination, and the flags. */
  record Step(
      String command,
      List<CopySource> sources,
      String destination,
      Optional<ChownSpec> chown,
      Optional<Integer> chmod) {
    Step {
      Objects.requireNonNull(command, "command");
      sources = List.copyOf(sources);
      Objects.requireNonNull(destination, "destination");
      Objects.requireNonNull(chown, "chown");
      Objects.requireNonNull(chmod, "chmod");
    }
  }

  private final Step step;
  private final String contentKey;
  private final String description;

  PreparedCopy(Step step) {
    this.step = step;
    this.contentKey = "sha256:" + SourceDigest.of(keyParts(step));
    String hash =
        step.sources().size() == 1
            ? step.sources().get(0).hash()
            : "multi:" + SourceDigest.of(step.sources().stream().map(CopySource::hash).toList());
    // dockerd writes the chown flag right before the hash, without a space
    this.description =
        step.chown().map(chown -> "--chown=" + chown).orElse("")
            + hash
            + " in "
            + step.destination();
  }

  /**
   * {@code sha256:<hex>} over everything the step's result depends on: each source's path relative
   * to the destination, type, mode, owner after {@code --chown}, link target and content, plus
   * {@code --chmod} and the destination. Equal keys mean equal results on an equal parent.
   */
  public String contentKey() {
    return contentKey;
  }

  /**
   * What the image history shows, as dockerd's classic builder writes it, e.g. {@code file:<hex> in
   * /app/} or {@code dir:<hex> in /app}; with {@code --chown}, dockerd's {@code
   * --chown=user:groupfile:<hex> in /app} (sic, no space).
   */
  public String description() {
    return description;
  }

  /**
   * Writes the files into {@code root} (the step's writable root filesystem): the destination
   * resolved as the image sees it (its links followed inside {@code root}), missing directories
   * created, owners from {@code --chown} (names looked up in {@code root}'s {@code /etc/passwd} and
   * {@code /etc/group}), modes from {@code --chmod}; nothing is written outside {@code root}.
   *
   * @throws io.jcompose.engine.fault.EngineFault.InvalidArgument when a name in {@code --chown} is
   *     unknown in the image, or the destination cannot be written (e.g. a file where a directory
   *     is needed)
   */
  public void applyTo(Path root) {
    Owner owner = step.chown().map(chown -> chown.resolve(root)).orElse(Owner.ROOT);
    try {
      new CopyWriter(root, step, owner).write();
    } catch (IOException e) {
      throw new EngineFault.Internal(
          step.command() + " failed: cannot write " + step.destination() + ": " + e, e);
    }
  }

  private static List<String> keyParts(Step step) {
    var parts = new ArrayList<String>();
    parts.add(step.command());
    parts.add(step.destination());
    parts.add(step.chown().map(ChownSpec::toString).orElse(""));
    parts.add(step.chmod().map(Integer::toOctalString).orElse(""));
    for (CopySource source : step.sources()) {
      parts.add(source.getClass().getSimpleName());
      parts.add(source.name());
      parts.add(source.hash());
      if (source instanceof CopySource.Download download) {
        parts.add(download.modified().map(Object::toString).orElse(""));
      }
    }
    return parts;
  }
}
