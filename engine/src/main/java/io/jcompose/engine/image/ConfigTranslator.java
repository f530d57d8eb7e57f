package io.jcompose.engine.image;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jcompose.engine.digest.Digest;
import io.jcompose.engine.fault.EngineFault;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/** Turns image config JSON into {@link ImageConfig} values. */
final class ConfigTranslator {

  static final ObjectMapper JSON =
      new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

  private static final Instant GO_ZERO_TIME = Instant.parse("0001-01-01T00:00:00Z");

  private ConfigTranslator() {}

  /**
   * @throws EngineFault.InvalidArgument naming the config when it is not an image config
   */
  static ImageConfig parse(Digest configDigest, byte[] json) {
    ConfigJson wire;
    try {
      wire = JSON.readValue(json, ConfigJson.class);
    } catch (java.io.IOException e) {
      String reason =
          e instanceof JsonProcessingException parsing
              ? parsing.getOriginalMessage()
              : e.toString();
      throw new EngineFault.InvalidArgument(
          "image config " + configDigest + " is not valid JSON: " + reason, e);
    }
    if (wire == null) {
      throw new EngineFault.InvalidArgument("image config " + configDigest + " is empty");
    }
    var diffIds = new ArrayList<Digest>();
    if (wire.rootfs != null && wire.rootfs.diffIds != null) {
      for (String diffId : wire.rootfs.diffIds) {
        try {
          diffIds.add(Digest.parse(diffId));
        } catch (EngineFault.InvalidArgument e) {
          throw new EngineFault.InvalidArgument(
              "image config " + configDigest + " lists a bad diff_id: " + e.getMessage());
        }
      }
    }
    var history = new ArrayList<ImageConfig.History>();
    if (wire.history != null) {
      for (ConfigJson.History step : wire.history) {
        if (step != null) {
          history.add(
              new ImageConfig.History(
                  instant(step.created),
                  step.createdBy,
                  step.comment,
                  Boolean.TRUE.equals(step.emptyLayer)));
        }
      }
    }
    return new ImageConfig(
        new ImageConfig.Platform(wire.os, wire.architecture, wire.variant),
        instant(wire.created),
        wire.author,
        wire.comment,
        wire.dockerVersion,
        runConfig(wire.config),
        diffIds,
        history);
  }

  /** Serialises a config the engine makes itself (docker import). */
  static byte[] write(ConfigJson config) {
    try {
      return JSON.writeValueAsString(config).getBytes(StandardCharsets.UTF_8);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("an image config always serialises", e);
    }
  }

  /** The config JSON of {@code config}, as docker writes one (what {@link #parse} reads back). */
  static byte[] write(ImageConfig config) {
    var wire = new ConfigJson();
    wire.architecture = config.platform().architecture();
    wire.variant = config.platform().variant().isEmpty() ? null : config.platform().variant();
    wire.os = config.platform().os();
    wire.created = config.created().map(Instant::toString).orElse(null);
    wire.author = config.author().isEmpty() ? null : config.author();
    wire.comment = config.comment().isEmpty() ? null : config.comment();
    wire.dockerVersion = config.dockerVersion().isEmpty() ? null : config.dockerVersion();
    wire.config = wire(config.runConfig());
    wire.rootfs = new ConfigJson.Rootfs();
    wire.rootfs.type = "layers";
    wire.rootfs.diffIds = config.diffIds().stream().map(Digest::toString).toList();
    var history = new ArrayList<ConfigJson.History>();
    for (ImageConfig.History step : config.history()) {
      var entry = new ConfigJson.History();
      entry.created = step.created().map(Instant::toString).orElse(null);
      entry.createdBy = step.createdBy().isEmpty() ? null : step.createdBy();
      entry.comment = step.comment().isEmpty() ? null : step.comment();
      entry.emptyLayer = step.emptyLayer() ? Boolean.TRUE : null;
      history.add(entry);
    }
    wire.history = history;
    return write(wire);
  }

  private static ConfigJson.ContainerConfig wire(RunConfig run) {
    var wire = new ConfigJson.ContainerConfig();
    wire.user = run.user();
    wire.exposedPorts = emptyObjects(run.exposedPorts());
    wire.env = run.env().isEmpty() ? null : run.env();
    wire.entrypoint = run.entrypoint().isEmpty() ? null : run.entrypoint();
    wire.cmd = run.cmd().isEmpty() ? null : run.cmd();
    wire.healthcheck = run.healthcheck().map(ConfigTranslator::wire).orElse(null);
    wire.volumes = emptyObjects(run.volumes());
    wire.workingDir = run.workingDir();
    wire.labels = run.labels().isEmpty() ? null : new TreeMap<>(run.labels());
    wire.stopSignal = run.stopSignal().isEmpty() ? null : run.stopSignal();
    wire.onBuild = run.onBuild().isEmpty() ? null : run.onBuild();
    wire.shell = run.shell().isEmpty() ? null : run.shell();
    return wire;
  }

  private static ConfigJson.Healthcheck wire(RunConfig.Healthcheck check) {
    var wire = new ConfigJson.Healthcheck();
    wire.test = check.test();
    wire.interval = nonZeroNanos(check.interval());
    wire.timeout = nonZeroNanos(check.timeout());
    wire.startPeriod = nonZeroNanos(check.startPeriod());
    wire.startInterval = nonZeroNanos(check.startInterval());
    wire.retries = check.retries() == 0 ? null : check.retries();
    return wire;
  }

  private static Long nonZeroNanos(Duration duration) {
    return duration.isZero() ? null : duration.toNanos();
  }

  private static Map<String, Object> emptyObjects(List<String> keys) {
    if (keys.isEmpty()) {
      return null;
    }
    var map = new TreeMap<String, Object>();
    keys.forEach(key -> map.put(key, Map.of()));
    return map;
  }

  private static RunConfig runConfig(ConfigJson.ContainerConfig wire) {
    if (wire == null) {
      return RunConfig.EMPTY;
    }
    var labels = new TreeMap<String, String>();
    if (wire.labels != null) {
      wire.labels.forEach((key, value) -> labels.put(key, Objects.requireNonNullElse(value, "")));
    }
    return new RunConfig(
        strings(wire.cmd),
        strings(wire.entrypoint),
        strings(wire.env),
        wire.workingDir,
        wire.user,
        keys(wire.exposedPorts),
        keys(wire.volumes),
        labels,
        wire.stopSignal,
        Optional.ofNullable(wire.healthcheck).map(ConfigTranslator::healthcheck),
        strings(wire.onBuild),
        strings(wire.shell));
  }

  private static RunConfig.Healthcheck healthcheck(ConfigJson.Healthcheck wire) {
    return new RunConfig.Healthcheck(
        strings(wire.test),
        nanos(wire.interval),
        nanos(wire.timeout),
        nanos(wire.startPeriod),
        nanos(wire.startInterval),
        wire.retries == null ? 0 : wire.retries);
  }

  private static Duration nanos(Long value) {
    return value == null ? Duration.ZERO : Duration.ofNanos(value);
  }

  private static List<String> strings(List<String> values) {
    return values == null ? List.of() : values.stream().filter(Objects::nonNull).toList();
  }

  private static List<String> keys(Map<String, Object> map) {
    return map == null ? List.of() : map.keySet().stream().sorted().toList();
  }

  /** RFC 3339 with any precision and offset; Go's zero time and garbage mean "unknown". */
  static Optional<Instant> instant(String text) {
    if (text == null || text.isEmpty()) {
      return Optional.empty();
    }
    try {
      Instant instant = Instant.parse(text);
      return instant.equals(GO_ZERO_TIME) ? Optional.empty() : Optional.of(instant);
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }
}
