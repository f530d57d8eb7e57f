package io.jcompose.engine.image;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;

/**
 * The image config JSON as the OCI image spec and docker write it: the wire form, read leniently
 * (unknown fields ignored, any field may be null) and translated by {@link ConfigTranslator}.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
final class ConfigJson {
  public String architecture;
  public String variant;
  public String os;
  public String created;
  public String author;
  public String comment;

  @JsonProperty("docker_version")
  public String dockerVersion;

  public ContainerConfig config;
  public Rootfs rootfs;
  public List<History> history;

  /** {@code "config"}: Go's container.Config field names. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  @JsonInclude(JsonInclude.Include.NON_NULL)
  static final class ContainerConfig {
    @JsonProperty("User")
    public String user;

    @JsonProperty("ExposedPorts")
    public Map<String, Object> exposedPorts;

    @JsonProperty("Env")
    public List<String> env;

    @JsonProperty("Entrypoint")
    public List<String> entrypoint;

    @JsonProperty("Cmd")
    public List<String> cmd;

    @JsonProperty("Healthcheck")
    public Healthcheck healthcheck;

    @JsonProperty("Volumes")
    public Map<String, Object> volumes;

    @JsonProperty("WorkingDir")
    public String workingDir;

    @JsonProperty("Labels")
    public Map<String, String> labels;

    @JsonProperty("StopSignal")
    public String stopSignal;

    @JsonProperty("OnBuild")
    public List<String> onBuild;

    @JsonProperty("Shell")
    public List<String> shell;
  }

  /** Durations in nanoseconds, as Go's time.Duration. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  @JsonInclude(JsonInclude.Include.NON_NULL)
  static final class Healthcheck {
    @JsonProperty("Test")
    public List<String> test;

    @JsonProperty("Interval")
    public Long interval;

    @JsonProperty("Timeout")
    public Long timeout;

    @JsonProperty("StartPeriod")
    public Long startPeriod;

    @JsonProperty("StartInterval")
    public Long startInterval;

    @JsonProperty("Retries")
    public Integer retries;
  }

  @JsonIgnoreProperties(ignoreUnknown = true)
  @JsonInclude(JsonInclude.Include.NON_NULL)
  static final class Rootfs {
    public String type;

    @JsonProperty("diff_ids")
    public List<String> diffIds;
  }

  @JsonIgnoreProperties(ignoreUnknown = true)
  @JsonInclude(JsonInclude.Include.NON_NULL)
  static final class History {
    public String created;

    @JsonProperty("created_by")
    public String createdBy;

    public String comment;

    @JsonProperty("empty_layer")
    public Boolean emptyLayer;
  }
}
