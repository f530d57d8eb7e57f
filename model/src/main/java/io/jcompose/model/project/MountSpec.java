package io.jcompose.model.project;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * One entry of a service's {@code volumes}, in compose's long syntax.
 *
 * @param type what is mounted
 * @param source the host path (bind) or volume name; empty for an anonymous volume or tmpfs
 * @param target the cleaned path inside the container
 */
public record MountSpec(
    Type type,
    Optional<String> source,
    String target,
    boolean readOnly,
    Optional<BindOptions> bind,
    Optional<VolumeOptions> volume,
    Optional<TmpfsOptions> tmpfs,
    Optional<String> consistency) {

  private static final Set<String> PROPAGATIONS =
      Set.of("private", "rprivate", "shared", "rshared", "slave", "rslave");

  public MountSpec {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(target, "target");
    Objects.requireNonNull(bind, "bind");
    Objects.requireNonNull(volume, "volume");
    Objects.requireNonNull(tmpfs, "tmpfs");
    Objects.requireNonNull(consistency, "consistency");
    if (target.isBlank() && type != Type.NPIPE) {
      throw new IllegalArgumentException("a " + type.word() + " mount needs a target");
    }
    if (type == Type.BIND && source.isEmpty()) {
      throw new IllegalArgumentException("the bind mount on " + target + " needs a source");
    }
  }

  /** The kinds of mount compose knows. */
  public enum Type {
    BIND,
    VOLUME,
    TMPFS,
    IMAGE,
    NPIPE,
    CLUSTER;

    /** The word compose files use: {@code bind}, {@code volume}... */
    public String word() {
      return name().toLowerCase(Locale.ROOT);
    }

    public static Type fromWord(String word) {
      for (Type type : values()) {
        if (type.word().equals(word)) {
          return type;
        }
      }
      throw new IllegalArgumentException("unknown mount type \"" + word + "\"");
    }
  }

  /** Options of a bind mount. */
  public record BindOptions(
      Optional<String> propagation,
      boolean createHostPath,
      Optional<String> selinux,
      Optional<String> recursive) {
    public BindOptions {
      Objects.requireNonNull(propagation, "propagation");
      Objects.requireNonNull(selinux, "selinux");
      Objects.requireNonNull(recursive, "recursive");
      if (selinux.isPresent() && !selinux.get().equals("z") && !selinux.get().equals("Z")) {
        throw new IllegalArgumentException("selinux \"" + selinux.get() + "\" is not z or Z");
      }
    }
  }

  /** Options of a volume mount. */
  public record VolumeOptions(
      boolean nocopy, Optional<String> subpath, Map<String, String> labels) {
    public VolumeOptions {
      Objects.requireNonNull(subpath, "subpath");
      labels = Map.copyOf(labels);
    }
  }

  /** Options of a tmpfs mount. */
  public record TmpfsOptions(Optional<ByteSize> size, Optional<Integer> mode) {
    public TmpfsOptions {
      Objects.requireNonNull(size, "size");
      Objects.requireNonNull(mode, "mode");
    }
  }

  /**
   * Parses the short syntax {@code SOURCE:TARGET[:OPTIONS]} or {@code TARGET}. A source starting
   * with {@code .}, {@code /}, {@code ~}, {@code \\} or a drive letter is a bind mount (host path
   * created when missing), anything else a named volume. Options are a comma list of {@code ro},
   * {@code rw}, {@code nocopy}, {@code z}, {@code Z} and propagation modes; others are ignored.
   *
   * @throws IllegalArgumentException {@code invalid volume "<text>": <reason>}
   */
  public static MountSpec parse(String text) {
    Objects.requireNonNull(text, "text");
    if (text.isEmpty()) {
      throw invalid(text, "empty volume specification");
    }
    List<String> sections = sections(text);
    if (sections.contains("")) {
      throw invalid(text, "empty section between colons");
    }
    if (sections.size() > 3) {
      throw invalid(text, "too many colons");
    }
    if (sections.size() == 1) {
      return new MountSpec(
          Type.VOLUME,
          Optional.empty(),
          cleanTarget(sections.get(0)),
          false,
          Optional.empty(),
          Optional.of(new VolumeOptions(false, Optional.empty(), Map.of())),
          Optional.empty(),
          Optional.empty());
    }
    String source = sections.get(0);
    String target = cleanTarget(sections.get(1));
    boolean readOnly = false;
    boolean nocopy = false;
    Optional<String> propagation = Optional.empty();
    Optional<String> selinux = Optional.empty();
    if (sections.size() == 3) {
      for (String option : sections.get(2).split(",")) {
        switch (option) {
          case "ro" -> readOnly = true;
          case "rw" -> readOnly = false;
          case "nocopy" -> nocopy = true;
          case "z", "Z" -> selinux = Optional.of(option);
          default -> {
            if (PROPAGATIONS.contains(option)) {
              propagation = Optional.of(option);
            }
          }
        }
      }
    }
    if (isHostPath(source)) {
      return new MountSpec(
          Type.BIND,
          Optional.of(source),
          target,
          readOnly,
          Optional.of(new BindOptions(propagation, true, selinux, Optional.empty())),
          Optional.empty(),
          Optional.empty(),
          Optional.empty());
    }
    return new MountSpec(
        Type.VOLUME,
        Optional.of(source),
        target,
        readOnly,
        Optional.empty(),
        Optional.of(new VolumeOptions(nocopy, Optional.empty(), Map.of())),
        Optional.empty(),
        Optional.empty());
  }

  /** Whether a short-syntax source names a host path rather than a volume. */
  public static boolean isHostPath(String source) {
    if (source.isEmpty()) {
      return false;
    }
    char first = source.charAt(0);
    return first == '.'
        || first == '/'
        || first == '~'
        || source.startsWith("\\\\")
        || (source.length() >= 2 && Character.isLetter(first) && source.charAt(1) == ':');
  }

  /** A container path cleaned the way Go's {@code path.Clean} does. */
  public static String cleanTarget(String target) {
    if (target.isEmpty() || (target.length() >= 2 && target.charAt(1) == ':')) {
      return target;
    }
    boolean absolute = target.startsWith("/");
    var parts = new ArrayList<String>();
    for (String part : target.split("/")) {
      if (part.isEmpty() || part.equals(".")) {
        continue;
      }
      if (part.equals("..")) {
        if (!parts.isEmpty() && !parts.get(parts.size() - 1).equals("..")) {
          parts.remove(parts.size() - 1);
        } else if (!absolute) {
          parts.add(part);
        }
        continue;
      }
      parts.add(part);
    }
    String joined = String.join("/", parts);
    if (absolute) {
      return "/" + joined;
    }
    return joined.isEmpty() ? "." : joined;
  }

  /** Splits on colons, except inside {@code ${...}} and after a drive letter. */
  private static List<String> sections(String text) {
    var sections = new ArrayList<String>();
    var buffer = new StringBuilder();
    int braces = 0;
    for (int i = 0; i < text.length(); i++) {
      char character = text.charAt(i);
      boolean driveColon =
          character == ':'
              && sections.isEmpty()
              && buffer.length() == 1
              && isDriveLetterFollowedBySeparator(text, i);
      if (character == '{') {
        braces++;
      } else if (character == '}' && braces > 0) {
        braces--;
      }
      if (character == ':' && braces == 0 && !driveColon) {
        sections.add(buffer.toString());
        buffer.setLength(0);
      } else {
        buffer.append(character);
      }
    }
    sections.add(buffer.toString());
    return sections;
  }

  /**
   * {@code C:\\x} or {@code C:/x}; a lowercase letter before {@code :/} stays a volume name so that
   * {@code a:/data} mounts volume {@code a}.
   */
  private static boolean isDriveLetterFollowedBySeparator(String text, int colon) {
    char letter = text.charAt(colon - 1);
    if (colon + 1 >= text.length() || !Character.isLetter(letter)) {
      return false;
    }
    char next = text.charAt(colon + 1);
    return next == '\\' || (next == '/' && Character.isUpperCase(letter));
  }

  private static IllegalArgumentException invalid(String text, String reason) {
    return new IllegalArgumentException("invalid volume \"" + text + "\": " + reason);
  }
}
