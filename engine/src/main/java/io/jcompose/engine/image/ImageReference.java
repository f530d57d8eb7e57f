package io.jcompose.engine.image;

import io.jcompose.engine.digest.Digest;
import io.jcompose.engine.fault.EngineFault;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * An image reference normalised the way docker does: {@code busybox} is {@code
 * docker.io/library/busybox}, {@code index.docker.io} is {@code docker.io}, a first component with
 * a dot, a colon or {@code localhost} is a registry ({@code localhost:5000/x:1}). The tag and the
 * digest are both optional; {@link #withDefaultTag()} adds {@code latest} where docker would.
 *
 * @param domain the registry, {@code docker.io} for Docker Hub
 * @param path the repository path inside the registry, {@code library/busybox}
 */
public record ImageReference(
    String domain, String path, Optional<String> tag, Optional<Digest> digest) {

  public static final String DEFAULT_DOMAIN = "docker.io";
  public static final String DEFAULT_TAG = "latest";

  private static final String LEGACY_DEFAULT_DOMAIN = "index.docker.io";
  private static final String OFFICIAL_PREFIX = "library/";
  private static final int NAME_LIMIT = 255;
  private static final Pattern PATH_COMPONENT =
      Pattern.compile("[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*");
  private static final Pattern DOMAIN =
      Pattern.compile(
          "(?:(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])"
              + "(?:\\.(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9]))*"
              + "|\\[[a-fA-F0-9:]+\\])(?::[0-9]+)?");
  private static final Pattern TAG = Pattern.compile("[\\w][\\w.-]{0,127}");
  private static final Pattern HEX_ID = Pattern.compile("[a-f0-9]{64}");

  public ImageReference {
    Objects.requireNonNull(tag, "tag");
    Objects.requireNonNull(digest, "digest");
    Optional<String> problem = problem(domain, path, tag);
    if (problem.isPresent()) {
      throw invalid(domain + "/" + path + tag.map(value -> ":" + value).orElse(""), problem.get());
    }
  }

  /**
   * Parses and normalises {@code text} ({@code name[:tag][@sha256:<hex>]}).
   *
   * @throws EngineFault.InvalidArgument with docker's "invalid reference format" wording, quoting
   *     the input
   */
  public static ImageReference parse(String text) {
    if (text == null || text.isEmpty()) {
      throw new EngineFault.InvalidArgument("invalid reference format: the reference is empty");
    }
    if (HEX_ID.matcher(text).matches()) {
      throw new EngineFault.InvalidArgument(
          "invalid repository name (" + text + "), cannot specify 64-byte hexadecimal strings");
    }
    String domain = DEFAULT_DOMAIN;
    String remainder = text;
    int slash = text.indexOf('/');
    if (slash >= 0) {
      String first = text.substring(0, slash);
      if (first.contains(".")
          || first.contains(":")
          || first.equals("localhost")
          || !first.equals(first.toLowerCase(java.util.Locale.ROOT))) {
        domain = first;
        remainder = text.substring(slash + 1);
      }
    }
    if (domain.equals(LEGACY_DEFAULT_DOMAIN)) {
      domain = DEFAULT_DOMAIN;
    }
    if (domain.equals(DEFAULT_DOMAIN) && remainder.indexOf('/') < 0) {
      remainder = OFFICIAL_PREFIX + remainder;
    }
    Optional<Digest> digest = Optional.empty();
    int at = remainder.indexOf('@');
    if (at >= 0) {
      try {
        digest = Optional.of(Digest.parse(remainder.substring(at + 1)));
      } catch (EngineFault.InvalidArgument e) {
        throw invalid(text, e.getMessage());
      }
      remainder = remainder.substring(0, at);
    }
    Optional<String> tag = Optional.empty();
    int colon = remainder.lastIndexOf(':');
    if (colon >= 0) {
      tag = Optional.of(remainder.substring(colon + 1));
      remainder = remainder.substring(0, colon);
    }
    if (!remainder.equals(remainder.toLowerCase(java.util.Locale.ROOT))) {
      throw new EngineFault.InvalidArgument(
          "invalid reference format: repository name (" + remainder + ") must be lowercase");
    }
    Optional<String> problem = problem(domain, remainder, tag);
    if (problem.isPresent()) {
      throw invalid(text, problem.get());
    }
    return new ImageReference(domain, remainder, tag, digest);
  }

  /** What is wrong with these parts, if anything. */
  private static Optional<String> problem(String domain, String path, Optional<String> tag) {
    if (domain == null || !DOMAIN.matcher(domain).matches()) {
      return Optional.of("invalid registry \"" + domain + "\"");
    }
    if (path == null || path.isEmpty()) {
      return Optional.of("the repository name is empty");
    }
    for (String component : path.split("/", -1)) {
      if (!PATH_COMPONENT.matcher(component).matches()) {
        return Optional.of("invalid repository name component \"" + component + "\"");
      }
    }
    if (domain.length() + 1 + path.length() > NAME_LIMIT) {
      return Optional.of("repository name must not be more than " + NAME_LIMIT + " characters");
    }
    if (tag.isPresent() && !TAG.matcher(tag.get()).matches()) {
      return Optional.of("invalid tag \"" + tag.get() + "\"");
    }
    return Optional.empty();
  }

  /** {@code domain/path}: {@code docker.io/library/busybox}. */
  public String name() {
    return domain + "/" + path;
  }

  /** The name as docker shows it: {@code busybox}, {@code localhost:5000/x}. */
  public String familiarName() {
    if (!domain.equals(DEFAULT_DOMAIN)) {
      return name();
    }
    if (path.startsWith(OFFICIAL_PREFIX) && path.indexOf('/', OFFICIAL_PREFIX.length()) < 0) {
      return path.substring(OFFICIAL_PREFIX.length());
    }
    return path;
  }

  /** {@code busybox:latest}, {@code busybox@sha256:...}: as docker prints references. */
  public String familiarString() {
    return familiarName() + suffix();
  }

  /** The reference with tag {@code latest} when it has neither tag nor digest. */
  public ImageReference withDefaultTag() {
    return tag.isEmpty() && digest.isEmpty()
        ? new ImageReference(domain, path, Optional.of(DEFAULT_TAG), digest)
        : this;
  }

  /** The reference without its tag and digest: just the repository. */
  public ImageReference repository() {
    return new ImageReference(domain, path, Optional.empty(), Optional.empty());
  }

  public ImageReference withDigest(Digest newDigest) {
    return new ImageReference(domain, path, Optional.empty(), Optional.of(newDigest));
  }

  /** The normalised form, {@code docker.io/library/busybox:latest}. */
  @Override
  public String toString() {
    return name() + suffix();
  }

  private String suffix() {
    return tag.map(value -> ":" + value).orElse("") + digest.map(value -> "@" + value).orElse("");
  }

  private static EngineFault.InvalidArgument invalid(String text, String detail) {
    return new EngineFault.InvalidArgument("invalid reference format: \"" + text + "\": " + detail);
  }
}
