package io.jcompose.planner.label;

import io.jcompose.planner.spi.LabelFilter;

/**
 * docker compose's labels, exactly (compose-inventory.md §4.1): a stack started by docker compose
 * is managed by jcompose and the other way round.
 */
public final class Labels {

  public static final String PREFIX = "com.docker.compose.";
  public static final String PROJECT = "com.docker.compose.project";
  public static final String SERVICE = "com.docker.compose.service";
  public static final String CONTAINER_NUMBER = "com.docker.compose.container-number";
  public static final String ONEOFF = "com.docker.compose.oneoff";
  public static final String CONFIG_HASH = "com.docker.compose.config-hash";
  public static final String VERSION = "com.docker.compose.version";
  public static final String WORKING_DIR = "com.docker.compose.project.working_dir";
  public static final String CONFIG_FILES = "com.docker.compose.project.config_files";
  public static final String ENVIRONMENT_FILE = "com.docker.compose.project.environment_file";
  public static final String DEPENDS_ON = "com.docker.compose.depends_on";
  public static final String IMAGE = "com.docker.compose.image";
  public static final String REPLACE = "com.docker.compose.replace";
  public static final String SLUG = "com.docker.compose.slug";
  public static final String NETWORK = "com.docker.compose.network";
  public static final String VOLUME = "com.docker.compose.volume";

  /**
   * jcompose's own label: the JSON the config hash was computed from, so that a later plan can say
   * which setting changed. Other tools ignore it.
   */
  public static final String CONFIG = "io.jcompose.config";

  /** The value of {@link #ONEOFF} on service containers ({@code True} on {@code run} ones). */
  public static final String FALSE = "False";

  public static final String TRUE = "True";

  /**
   * The compose version jcompose writes in {@link #VERSION}: the docker compose release whose
   * behaviour it follows, so that docker compose does not treat our containers as foreign.
   */
  public static final String COMPOSE_VERSION = "2.40.3";

  private Labels() {}

  /** Every container of the project, service and one-off, as docker compose lists them. */
  public static LabelFilter projectContainers(String projectName) {
    return LabelFilter.of(PROJECT, projectName).andPresent(CONFIG_HASH);
  }

  /** The service containers (not {@code run} ones) of one service. */
  public static LabelFilter serviceContainers(String projectName, String serviceName) {
    return projectContainers(projectName).and(SERVICE, serviceName).and(ONEOFF, FALSE);
  }

  /** Networks or volumes of the project. */
  public static LabelFilter projectResources(String projectName) {
    return LabelFilter.of(PROJECT, projectName);
  }
}
