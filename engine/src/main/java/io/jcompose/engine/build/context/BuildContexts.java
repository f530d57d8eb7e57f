package io.jcompose.engine.build.context;

import java.io.InputStream;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The body of a {@code POST /build} extracted to a scratch directory: the main context, with its
 * {@code .dockerignore} applied (the Dockerfile and {@code .dockerignore} are always kept, as
 * dockerd does), and the named contexts the client sent (jcompose's wire form: query parameter
 * {@code x-jcompose-contexts}, a JSON object name -> {@code "tar"} (the files under {@code
 * .jcompose-contexts/<name>/} in the same tar, removed from the main context) or {@code
 * "docker-image://<reference>"}). Closing deletes the scratch directory.
 */
public final class BuildContexts implements AutoCloseable {

  private BuildContexts() {}

  /**
   * Extracts {@code body} (a tar, plain or gzip/bzip2/xz compressed) under {@code scratch}.
   *
   * @param namedContexts the raw {@code x-jcompose-contexts} parameter, or null
   * @throws io.jcompose.engine.fault.EngineFault.InvalidArgument for a broken or hostile tar (an
   *     entry leaving the context, a link to outside it) or a malformed parameter
   */
  public static BuildContexts extract(InputStream body, String namedContexts, Path scratch) {
    throw new UnsupportedOperationException("wt-buildfiles");
  }

  /** The main context. */
  public SourceTree main() {
    throw new UnsupportedOperationException("wt-buildfiles");
  }

  /** The named context {@code name} (compared case-insensitively, as stage names are). */
  public Optional<NamedContext> named(String name) {
    throw new UnsupportedOperationException("wt-buildfiles");
  }

  /**
   * The Dockerfile's text: {@code path} relative to the main context ({@code Dockerfile} when null
   * or empty; dockerd also accepts {@code dockerfile} then).
   *
   * @throws io.jcompose.engine.fault.EngineFault.InvalidArgument when it is missing or escapes
   */
  public String dockerfile(String path) {
    throw new UnsupportedOperationException("wt-buildfiles");
  }

  @Override
  public void close() {
    throw new UnsupportedOperationException("wt-buildfiles");
  }
}
