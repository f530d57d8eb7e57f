package io.jcompose.planner.spec;

import io.jcompose.model.project.Dependency;
import io.jcompose.model.project.Healthcheck;
import io.jcompose.model.project.Project;
import io.jcompose.model.project.Service;
import io.jcompose.planner.label.Labels;
import io.jcompose.planner.spi.ContainerSpec;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.StringJoiner;
import java.util.function.Function;

/**
 * Turns a compose service into the create request of one of its containers: the service's settings
 * in engine terms, plus docker compose's labels (compose-inventory.md §4.1).
 */
public final class ContainerSpecs {

  private final Project project;
  private final Function<String, String> firstContainerOf;

  /**
   * @param firstContainerOf the container name that {@code service:x} and {@code volumes_from: x}
   *     refer to, by service name (the first replica of x)
   */
  public ContainerSpecs(Project project, Function<String, String> firstContainerOf) {
    this.project = project;
    this.firstContainerOf = firstContainerOf;
  }

  /**
   * @param imageId the ID of the image the container will run, for the {@code image} label; empty
   *     when it is not known yet (a dry run before a pull)
   */
  public ContainerSpec of(
      Service service, String containerName, int number, Optional<String> imageId) {
    return new ContainerSpec(
        containerName,
        service.imageName(project.name()),
        labels(service, number, imageId),
        ServiceTranslation.process(service),
        ServiceTranslation.networking(project, service, containerName, firstContainerOf),
        ServiceTranslation.storage(project, service, firstContainerOf),
        ServiceTranslation.resources(service),
        service.lifecycle().healthcheck().map(ContainerSpecs::health),
        ServiceTranslation.restart(service),
        service
            .logging()
            .flatMap(
                logging ->
                    logging
                        .driver()
                        .map(driver -> new ContainerSpec.LogConfig(driver, logging.options()))));
  }

  /** The labels of a service container: the user's, then compose's (which win on a clash). */
  public Map<String, String> labels(Service service, int number, Optional<String> imageId) {
    var labels = new LinkedHashMap<>(service.labels());
    labels.put(Labels.PROJECT, project.name());
    labels.put(Labels.SERVICE, service.name());
    labels.put(Labels.CONTAINER_NUMBER, Integer.toString(number));
    labels.put(Labels.ONEOFF, Labels.FALSE);
    labels.put(Labels.CONFIG_HASH, service.configHash());
    labels.put(Labels.CONFIG, service.config().json());
    labels.put(Labels.VERSION, Labels.COMPOSE_VERSION);
    labels.put(Labels.WORKING_DIR, project.workingDirectory().toString());
    labels.put(Labels.CONFIG_FILES, configFiles(project.configFiles()));
    labels.put(Labels.DEPENDS_ON, dependsOn(service.dependsOn()));
    imageId.ifPresent(id -> labels.put(Labels.IMAGE, id));
    return labels;
  }

  /** {@code db:service_healthy:true,...} as docker compose writes it. */
  static String dependsOn(Map<String, Dependency> dependsOn) {
    var joined = new StringJoiner(",");
    dependsOn.forEach(
        (name, dependency) ->
            joined.add(name + ":" + dependency.condition().word() + ":" + dependency.restart()));
    return joined.toString();
  }

  private static String configFiles(List<Path> files) {
    var joined = new StringJoiner(",");
    files.forEach(file -> joined.add(file.toAbsolutePath().toString()));
    return joined.toString();
  }

  private static ContainerSpec.HealthSpec health(Healthcheck healthcheck) {
    return new ContainerSpec.HealthSpec(
        healthcheck.test(),
        healthcheck.interval(),
        healthcheck.timeout(),
        healthcheck.startPeriod(),
        healthcheck.startInterval(),
        healthcheck.retries());
  }

  static List<String> environment(Map<String, String> environment) {
    var entries = new ArrayList<String>();
    environment.forEach(
        (key, value) -> {
          if (value != null) {
            entries.add(key + "=" + value);
          }
        });
    return entries;
  }
}
