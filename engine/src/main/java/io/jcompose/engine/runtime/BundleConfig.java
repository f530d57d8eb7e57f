package io.jcompose.engine.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jcompose.engine.fault.EngineFault;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.util.Optional;

/**
 * The few fields of a bundle's {@code config.json} the runtime itself needs.
 *
 * @param terminal {@code process.terminal}: conmon must be started with {@code -t} to match
 * @param cgroupsPath {@code linux.cgroupsPath}, when absolute: its parent is removed when empty
 */
record BundleConfig(boolean terminal, Optional<String> cgroupsPath) {

  private static final ObjectMapper JSON = new ObjectMapper();

  /**
   * @return empty when the bundle has no config
   * @throws EngineFault.InvalidArgument when the config is not JSON
   */
  static Optional<BundleConfig> read(ContainerBundle bundle) {
    byte[] text;
    try {
      text = Files.readAllBytes(bundle.configFile());
    } catch (NoSuchFileException e) {
      return Optional.empty();
    } catch (IOException e) {
      throw new EngineFault.Internal("cannot read " + bundle.configFile(), e);
    }
    JsonNode config;
    try {
      config = JSON.readTree(text);
    } catch (IOException e) {
      throw new EngineFault.InvalidArgument(
          "invalid " + bundle.configFile() + ": " + e.getMessage(), e);
    }
    String cgroupsPath = config.path("linux").path("cgroupsPath").asText("");
    return Optional.of(
        new BundleConfig(
            config.path("process").path("terminal").asBoolean(false),
            cgroupsPath.startsWith("/") ? Optional.of(cgroupsPath) : Optional.empty()));
  }
}
