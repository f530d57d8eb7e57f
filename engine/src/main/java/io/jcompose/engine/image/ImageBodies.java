package io.jcompose.engine.image;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.jcompose.engine.digest.Digest;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The JSON of {@code /images/json} items and {@code /images/{name}/json}, as dockerd writes it. */
final class ImageBodies {

  private static final String ZERO_TIME = "0001-01-01T00:00:00Z";

  private ImageBodies() {}

  @JsonInclude(JsonInclude.Include.NON_ABSENT)
  record ListItem(
      @JsonProperty("Containers") int containers,
      @JsonProperty("Created") long created,
      @JsonProperty("Id") String id,
      @JsonProperty("Labels") Map<String, String> labels,
      @JsonProperty("ParentId") String parentId,
      @JsonProperty("RepoDigests") List<String> repoDigests,
      @JsonProperty("RepoTags") List<String> repoTags,
      @JsonProperty("SharedSize") long sharedSize,
      @JsonProperty("Size") long size,
      @JsonProperty("VirtualSize") Long virtualSize) {}

  record Inspect(
      @JsonProperty("Id") String id,
      @JsonProperty("RepoTags") List<String> repoTags,
      @JsonProperty("RepoDigests") List<String> repoDigests,
      @JsonProperty("Parent") String parent,
      @JsonProperty("Comment") String comment,
      @JsonProperty("Created") String created,
      @JsonProperty("DockerVersion") String dockerVersion,
      @JsonProperty("Author") String author,
      @JsonProperty("Config") Config config,
      @JsonProperty("Architecture") String architecture,
      @JsonProperty("Variant") @JsonInclude(JsonInclude.Include.NON_EMPTY) String variant,
      @JsonProperty("Os") String os,
      @JsonProperty("Size") long size,
      @JsonProperty("VirtualSize") @JsonInclude(JsonInclude.Include.NON_NULL) Long virtualSize,
      @JsonProperty("GraphDriver") GraphDriver graphDriver,
      @JsonProperty("RootFS") RootFs rootFs,
      @JsonProperty("Metadata") Metadata metadata) {}

  record Config(
      @JsonProperty("Hostname") String hostname,
      @JsonProperty("Domainname") String domainname,
      @JsonProperty("User") String user,
      @JsonProperty("AttachStdin") boolean attachStdin,
      @JsonProperty("AttachStdout") boolean attachStdout,
      @JsonProperty("AttachStderr") boolean attachStderr,
      @JsonProperty("ExposedPorts") @JsonInclude(JsonInclude.Include.NON_NULL)
          Map<String, Map<String, Object>> exposedPorts,
      @JsonProperty("Tty") boolean tty,
      @JsonProperty("OpenStdin") boolean openStdin,
      @JsonProperty("StdinOnce") boolean stdinOnce,
      @JsonProperty("Env") List<String> env,
      @JsonProperty("Cmd") List<String> cmd,
      @JsonProperty("Healthcheck") @JsonInclude(JsonInclude.Include.NON_NULL)
          Healthcheck healthcheck,
      @JsonProperty("Image") String image,
      @JsonProperty("Volumes") Map<String, Map<String, Object>> volumes,
      @JsonProperty("WorkingDir") String workingDir,
      @JsonProperty("Entrypoint") List<String> entrypoint,
      @JsonProperty("OnBuild") List<String> onBuild,
      @JsonProperty("Labels") Map<String, String> labels,
      @JsonProperty("StopSignal") @JsonInclude(JsonInclude.Include.NON_EMPTY) String stopSignal,
      @JsonProperty("Shell") @JsonInclude(JsonInclude.Include.NON_NULL) List<String> shell) {}

  record Healthcheck(
      @JsonProperty("Test") List<String> test,
      @JsonProperty("Interval") long interval,
      @JsonProperty("Timeout") long timeout,
      @JsonProperty("StartPeriod") long startPeriod,
      @JsonProperty("StartInterval") long startInterval,
      @JsonProperty("Retries") int retries) {}

  record GraphDriver(
      @JsonProperty("Data") Map<String, String> data, @JsonProperty("Name") String name) {}

  record RootFs(@JsonProperty("Type") String type, @JsonProperty("Layers") List<String> layers) {}

  record Metadata(@JsonProperty("LastTagTime") String lastTagTime) {}

  static ListItem listItem(Image image, boolean withVirtualSize) {
    ImageConfig config = image.config();
    List<String> digests = image.repoDigests();
    return new ListItem(
        -1,
        config.created().map(Instant::getEpochSecond).orElse(0L),
        image.id().toString(),
        config.runConfig().labels().isEmpty() ? null : config.runConfig().labels(),
        image.parent().map(Digest::toString).orElse(""),
        digests.isEmpty() ? null : digests,
        image.repoTags(),
        -1,
        image.size(),
        withVirtualSize ? image.size() : null);
  }

  static Inspect inspect(Image image, boolean withVirtualSize) {
    ImageConfig config = image.config();
    RunConfig run = config.runConfig();
    var layers = config.diffIds().stream().map(Object::toString).toList();
    return new Inspect(
        image.id().toString(),
        image.repoTags(),
        image.repoDigests(),
        image.parent().map(Digest::toString).orElse(""),
        config.comment(),
        config.created().map(Instant::toString).orElse(ZERO_TIME),
        config.dockerVersion(),
        config.author(),
        new Config(
            "",
            "",
            run.user(),
            false,
            false,
            false,
            ports(run.exposedPorts()),
            false,
            false,
            false,
            run.env().isEmpty() ? null : run.env(),
            run.cmd().isEmpty() ? null : run.cmd(),
            run.healthcheck().map(ImageBodies::healthcheck).orElse(null),
            "",
            run.volumes().isEmpty() ? null : ports(run.volumes()),
            run.workingDir(),
            run.entrypoint().isEmpty() ? null : run.entrypoint(),
            run.onBuild().isEmpty() ? null : run.onBuild(),
            run.labels().isEmpty() ? null : run.labels(),
            run.stopSignal(),
            run.shell().isEmpty() ? null : run.shell()),
        config.platform().architecture(),
        config.platform().variant(),
        config.platform().os(),
        image.size(),
        withVirtualSize ? image.size() : null,
        new GraphDriver(Map.of(), "overlay2"),
        new RootFs("layers", layers),
        new Metadata(image.lastTagTime().map(Instant::toString).orElse(ZERO_TIME)));
  }

  private static Healthcheck healthcheck(RunConfig.Healthcheck check) {
    return new Healthcheck(
        check.test(),
        nanos(check.interval()),
        nanos(check.timeout()),
        nanos(check.startPeriod()),
        nanos(check.startInterval()),
        check.retries());
  }

  private static long nanos(Duration duration) {
    return duration == null ? 0 : duration.toNanos();
  }

  /** {@code ["80/tcp"]} as dockerd's {@code {"80/tcp": {}}}; null when empty. */
  private static Map<String, Map<String, Object>> ports(List<String> keys) {
    if (keys.isEmpty()) {
      return null;
    }
    var map = new LinkedHashMap<String, Map<String, Object>>();
    keys.forEach(key -> map.put(key, Map.of()));
    return map;
  }
}
