package io.jcompose.adapter;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;

/**
 * The docker CLI's contexts: {@code contexts/meta/<sha256 of the name>/meta.json} holds the
 * endpoint ({@code Endpoints.docker.Host}, {@code SkipTLSVerify}); {@code
 * contexts/tls/<sha256>/docker/} holds {@code ca.pem}, {@code cert.pem}, {@code key.pem}.
 */
final class DockerContexts {

  private static final ObjectMapper JSON = new ObjectMapper();

  private DockerContexts() {}

  /**
   * @throws NoEndpointException when the context does not exist or names no docker endpoint
   */
  static Endpoint endpoint(Path configDirectory, String contextName, String selectedBy) {
    String key = sha256(contextName);
    Path meta =
        configDirectory.resolve("contexts").resolve("meta").resolve(key).resolve("meta.json");
    if (!Files.isRegularFile(meta)) {
      throw new NoEndpointException(
          "the docker context \""
              + contextName
              + "\" ("
              + selectedBy
              + ") does not exist: "
              + meta
              + " is missing; list contexts with `docker context ls`");
    }
    JsonNode docker;
    try {
      docker = JSON.readTree(meta.toFile()).path("Endpoints").path("docker");
    } catch (IOException unreadable) {
      throw new NoEndpointException(
          "cannot read the docker context \""
              + contextName
              + "\" from "
              + meta
              + ": "
              + unreadable.getMessage(),
          unreadable);
    }
    Optional<String> host = ClientConfig.text(docker.path("Host"));
    if (host.isEmpty()) {
      throw new NoEndpointException(
          "the docker context \"" + contextName + "\" in " + meta + " names no docker endpoint");
    }
    Path tlsDirectory =
        configDirectory.resolve("contexts").resolve("tls").resolve(key).resolve("docker");
    boolean hasTls = Files.isDirectory(tlsDirectory);
    URI uri = HostAddress.parse(host.get(), "the docker context \"" + contextName + "\"", hasTls);
    Optional<Endpoint.Tls> tls = Optional.empty();
    if (HostAddress.isTcp(uri) && hasTls) {
      boolean skipVerify = docker.path("SkipTLSVerify").asBoolean(false);
      tls = Optional.of(new Endpoint.Tls(tlsDirectory, !skipVerify));
    }
    return new Endpoint(uri, Endpoint.Origin.CONTEXT, tls);
  }

  static String sha256(String name) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(name.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException impossible) {
      throw new IllegalStateException(impossible);
    }
  }
}
