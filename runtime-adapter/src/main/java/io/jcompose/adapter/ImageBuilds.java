package io.jcompose.adapter;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.BuildImageCmd;
import com.github.dockerjava.api.model.AuthConfigurations;
import com.github.dockerjava.api.model.BuildResponseItem;
import com.github.dockerjava.api.model.Version;
import io.jcompose.planner.label.Labels;
import io.jcompose.planner.spi.ImageBuild;
import io.jcompose.planner.spi.ImageProgress;
import io.jcompose.planner.spi.RuntimeFault;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * A classic {@code POST /build}: the context goes as a tar (spooled to a temporary file, so a large
 * context is not held in memory), with the credentials of the registries the Dockerfile's {@code
 * FROM} lines name. A build with named contexts ({@code build.additional_contexts}) needs the
 * bundled engine and goes in jcompose's wire form ({@link NamedContexts}) through {@link RawBuild}.
 */
final class ImageBuilds {

  /** {@code Platform.Name} of the bundled engine's {@code GET /version}. */
  static final String BUNDLED_ENGINE_PLATFORM = "jcompose engine";

  private final DockerClient docker;
  private final RawBuild raw;
  private final Faults faults;
  private final RegistryCredentials credentials;
  private volatile Boolean bundledEngine;

  ImageBuilds(
      DockerClient docker, RawExchange exchange, Faults faults, RegistryCredentials credentials) {
    this.docker = docker;
    this.raw = new RawBuild(exchange);
    this.faults = faults;
    this.credentials = credentials;
  }

  String build(ImageBuild build, Consumer<ImageProgress> progress) throws InterruptedException {
    Path dockerfile = build.context().resolve(build.dockerfile()).normalize();
    if (!dockerfile.startsWith(build.context().normalize())) {
      throw new RuntimeFault.InvalidArgument(
          "the Dockerfile " + build.dockerfile() + " lies outside the context " + build.context());
    }
    Optional<NamedContexts> named = Optional.empty();
    if (!build.additionalContexts().isEmpty()) {
      requireBundledEngine(build);
      named = Optional.of(NamedContexts.of(build, NamedContexts.readDockerfile(dockerfile)));
    }
    Path tarFile = null;
    try {
      tarFile = Files.createTempFile("jcompose-build-context", ".tar");
      try (OutputStream tar = Files.newOutputStream(tarFile)) {
        new BuildContext(build.context(), build.dockerfile())
            .writeTar(tar, named.map(NamedContexts::trees).orElse(List.of()));
      }
      AuthConfigurations auth =
          registryCredentials(dockerfile, named.map(NamedContexts::images).orElse(List.of()));
      try (InputStream context = Files.newInputStream(tarFile)) {
        if (named.isPresent()) {
          return imageIdOf(
              build, raw.send(build, named.get().parameter(), context, auth, progress));
        }
        return send(build, context, auth, progress);
      }
    } catch (IOException failure) {
      // only the context's files and its tar: the exchange with the endpoint maps its own failures
      throw new RuntimeFault.InvalidArgument(
          "cannot read the build context " + build.context() + ": " + failure.getMessage(),
          failure);
    } finally {
      if (tarFile != null) {
        try {
          Files.deleteIfExists(tarFile);
        } catch (IOException ignored) {
          // a temporary file; the OS cleans up eventually
        }
      }
    }
  }

  /**
   * dockerd's classic builder has no named contexts (BuildKit's need its session protocol), so they
   * are sent to the bundled engine only, told by its {@code GET /version}.
   */
  private void requireBundledEngine(ImageBuild build) {
    if (bundledEngine == null) {
      Version version = faults.call(() -> docker.versionCmd().exec());
      bundledEngine =
          version.getPlatform() != null
              && BUNDLED_ENGINE_PLATFORM.equals(version.getPlatform().getName());
    }
    if (!bundledEngine) {
      String service = build.labels().get(Labels.SERVICE);
      throw new RuntimeFault.InvalidArgument(
          (service == null ? "" : "service " + service + ": ")
              + "build.additional_contexts needs the bundled engine (dockerd's classic builder"
              + " cannot take named contexts)");
    }
  }

  private String send(
      ImageBuild build,
      InputStream context,
      AuthConfigurations auth,
      Consumer<ImageProgress> progress)
      throws InterruptedException {
    BuildImageCmd command =
        docker
            .buildImageCmd(context)
            .withDockerfilePath(build.dockerfile().replace('\\', '/'))
            .withNoCache(build.noCache())
            .withPull(build.pull())
            .withRemove(true)
            .withForcerm(true);
    if (!build.tags().isEmpty()) {
      command.withTags(new LinkedHashSet<>(build.tags()));
    }
    build.buildArgs().forEach(command::withBuildArg);
    build.target().ifPresent(command::withTarget);
    if (!build.labels().isEmpty()) {
      command.withLabels(build.labels());
    }
    if (!auth.getConfigs().isEmpty()) {
      command.withBuildAuthConfigs(auth);
    }
    return imageIdOf(
        build, new ProgressStream<BuildResponseItem>(progress).runAndAwait(command, faults));
  }

  private String imageIdOf(ImageBuild build, ProgressStream<BuildResponseItem> stream) {
    if (stream.failure().isPresent()) {
      throw Faults.fromRegistryMessage(
          "building " + build.context() + ": " + stream.failure().get(), null);
    }
    String imageId =
        stream
            .imageId()
            .orElseThrow(
                () ->
                    new RuntimeFault.Internal(
                        "the build of " + build.context() + " ended without an image ID"));
    if (imageId.startsWith("sha256:")) {
      return imageId;
    }
    return faults.call(() -> docker.inspectImageCmd(imageId).exec()).getId();
  }

  /**
   * Credentials for the registries of the {@code FROM} images (build arguments not expanded) and of
   * the {@code docker-image://} named contexts.
   */
  private AuthConfigurations registryCredentials(Path dockerfile, List<String> contextImages)
      throws IOException {
    var auth = new AuthConfigurations();
    for (String image : contextImages) {
      addCredentials(auth, image);
    }
    if (!Files.isRegularFile(dockerfile)) {
      return auth;
    }
    for (String line : Files.readAllLines(dockerfile)) {
      String[] words = line.strip().split("\\s+");
      if (words.length < 2 || !words[0].toUpperCase(Locale.ROOT).equals("FROM")) {
        continue;
      }
      String image = words[1];
      for (int i = 1; i < words.length && words[i].startsWith("--"); i++) {
        image = i + 1 < words.length ? words[i + 1] : image;
      }
      if (image.contains("$") || image.equals("scratch")) {
        continue;
      }
      addCredentials(auth, image);
    }
    return auth;
  }

  private void addCredentials(AuthConfigurations auth, String image) {
    try {
      credentials.forImage(image).map(RegistryCredentials::authConfig).ifPresent(auth::addConfig);
    } catch (IllegalArgumentException unusable) {
      // a FROM naming a build stage, or an odd reference: the daemon will say
    }
  }
}
