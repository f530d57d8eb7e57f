package io.jcompose.planner.reconcile;

import io.jcompose.model.project.BuildSpec;
import io.jcompose.model.project.Project;
import io.jcompose.model.project.Service;
import io.jcompose.planner.label.Labels;
import io.jcompose.planner.spi.ImageBuild;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A service's {@code build} section as the runtime's {@link ImageBuild}: the image name and {@code
 * build.tags} as tags, compose's labels, the build arguments (declared-only ones left out, the
 * command line's over the file's), and the named contexts ({@code service:NAME} becomes that
 * service's image, as compose does).
 */
final class BuildTranslation {

  private BuildTranslation() {}

  static ImageBuild of(Project project, Service service, String reference, BuildOptions overrides) {
    BuildSpec build = service.build().orElseThrow();
    var tags = new ArrayList<String>();
    tags.add(reference);
    tags.addAll(build.tags());
    var labels = new LinkedHashMap<>(build.labels());
    labels.put(Labels.PROJECT, project.name());
    labels.put(Labels.SERVICE, service.name());
    labels.put(Labels.VERSION, Labels.COMPOSE_VERSION);
    var args = new LinkedHashMap<String, String>();
    build
        .args()
        .forEach(
            (key, value) -> {
              if (value != null) {
                args.put(key, value);
              }
            });
    args.putAll(overrides.buildArgs());
    return new ImageBuild(
        Path.of(build.context()),
        build.dockerfile().orElse("Dockerfile"),
        tags,
        args,
        build.target(),
        labels,
        overrides.noCache(),
        overrides.pull(),
        additionalContexts(project, service, build));
  }

  /** The service a {@code service:NAME} named context refers to, if this one does. */
  static Optional<String> referencedService(String source) {
    return source.startsWith(SERVICE_PREFIX)
        ? Optional.of(source.substring(SERVICE_PREFIX.length()))
        : Optional.empty();
  }

  private static final String SERVICE_PREFIX = "service:";

  private static Map<String, String> additionalContexts(
      Project project, Service service, BuildSpec build) {
    var contexts = new LinkedHashMap<String, String>();
    build
        .additionalContexts()
        .forEach(
            (name, source) -> {
              String where =
                  "service " + service.name() + ": build.additional_contexts." + name + ": ";
              Optional<String> other = referencedService(source);
              if (other.isPresent()) {
                if (!project.services().containsKey(other.get())) {
                  throw new ReconcileException(
                      where + "there is no service " + other.get() + " to build it from");
                }
                contexts.put(
                    name,
                    ImageBuild.IMAGE_CONTEXT_PREFIX
                        + project.service(other.get()).imageName(project.name()));
              } else if (source.startsWith(ImageBuild.IMAGE_CONTEXT_PREFIX)) {
                contexts.put(name, source);
              } else if (source.contains("://") || !Path.of(source).isAbsolute()) {
                throw new ReconcileException(
                    where
                        + source
                        + " is not supported; use a directory, docker-image://REFERENCE or"
                        + " service:NAME");
              } else {
                contexts.put(name, source);
              }
            });
    return contexts;
  }
}
