package io.jcompose.engine.container;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jcompose.engine.digest.Digest;
import io.jcompose.engine.fault.EngineFault;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The engine's own JSON record of a container ({@code <data-root>/state/containers/<id>.json}). The
 * configuration records are plain values and are written as they are; identity and state are
 * translated here (times as RFC 3339 text), so the stored format is this class's to keep.
 */
final class ContainerCodec {

  private static final ObjectMapper JSON =
      new ObjectMapper().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  record StoredState(
      String status,
      long pid,
      int exitCode,
      String error,
      String startedAt,
      String finishedAt,
      boolean oomKilled,
      int restartCount,
      boolean manuallyStopped) {}

  record StoredContainer(
      String id,
      String name,
      String created,
      String imageId,
      List<String> layers,
      ContainerConfig config,
      HostSettings host,
      List<MountPoint> mounts,
      List<NetworkAttachment> networks,
      StoredState state) {}

  private ContainerCodec() {}

  static String encode(Container container) {
    ContainerState state = container.state();
    var stored =
        new StoredContainer(
            container.id(),
            container.name(),
            container.created().toString(),
            container.imageId().toString(),
            container.layers().stream().map(Digest::toString).toList(),
            container.config(),
            container.host(),
            container.mounts(),
            container.networks(),
            new StoredState(
                state.status().name(),
                state.pid(),
                state.exitCode(),
                state.error(),
                state.startedAt().map(Instant::toString).orElse(""),
                state.finishedAt().map(Instant::toString).orElse(""),
                state.oomKilled(),
                state.restartCount(),
                state.manuallyStopped()));
    try {
      return JSON.writeValueAsString(stored);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a container record always serializes", e);
    }
  }

  /**
   * @throws EngineFault.Internal for a record that is not readable
   */
  static Container decode(String text) {
    try {
      StoredContainer stored = JSON.readValue(text, StoredContainer.class);
      StoredState state = stored.state();
      return new Container(
          stored.id(),
          stored.name(),
          Instant.parse(stored.created()),
          Digest.parse(stored.imageId()),
          stored.layers().stream().map(Digest::parse).toList(),
          stored.config(),
          stored.host(),
          stored.mounts(),
          stored.networks(),
          new ContainerState(
              ContainerState.Status.valueOf(state.status()),
              state.pid(),
              state.exitCode(),
              state.error(),
              time(state.startedAt()),
              time(state.finishedAt()),
              state.oomKilled(),
              state.restartCount(),
              state.manuallyStopped()));
    } catch (JsonProcessingException | RuntimeException e) {
      throw new EngineFault.Internal("a container record is not readable: " + e.getMessage(), e);
    }
  }

  private static Optional<Instant> time(String text) {
    return text == null || text.isEmpty() ? Optional.empty() : Optional.of(Instant.parse(text));
  }
}
