package io.jcompose.adapter;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Runs {@code docker-credential-<name> get} with the server address on stdin and reads {@code
 * {"Username": ..., "Secret": ...}}; the user {@code <token>} means the secret is an identity
 * token. A helper that is missing or knows no credential for the registry gives nothing.
 */
final class CredentialHelpers {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final long TIMEOUT_SECONDS = 30;

  private final List<Path> searchPath;

  CredentialHelpers(List<Path> searchPath) {
    this.searchPath = List.copyOf(searchPath);
  }

  static CredentialHelpers onPath(Map<String, String> environment) {
    var directories = new ArrayList<Path>();
    String path = environment.getOrDefault("PATH", "");
    for (String entry : path.split(File.pathSeparator)) {
      if (!entry.isEmpty()) {
        directories.add(Path.of(entry));
      }
    }
    return new CredentialHelpers(directories);
  }

  Optional<RegistryCredentials.Credential> get(String helperName, String serverAddress) {
    Optional<Path> program = find("docker-credential-" + helperName);
    if (program.isEmpty()) {
      return Optional.empty();
    }
    try {
      Process process =
          new ProcessBuilder(program.get().toString(), "get")
              .redirectError(ProcessBuilder.Redirect.DISCARD)
              .start();
      try (var stdin = process.getOutputStream()) {
        stdin.write(serverAddress.getBytes(StandardCharsets.UTF_8));
      }
      byte[] output = process.getInputStream().readAllBytes();
      if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        return Optional.empty();
      }
      if (process.exitValue() != 0) {
        // "credentials not found in native keychain"
        return Optional.empty();
      }
      JsonNode answer = JSON.readTree(output);
      Optional<String> username = ClientConfig.text(answer.path("Username"));
      Optional<String> secret = ClientConfig.text(answer.path("Secret"));
      if (username.equals(Optional.of("<token>"))) {
        return Optional.of(
            new RegistryCredentials.Credential(
                serverAddress, Optional.empty(), Optional.empty(), secret));
      }
      return Optional.of(
          new RegistryCredentials.Credential(serverAddress, username, secret, Optional.empty()));
    } catch (IOException failed) {
      throw new IllegalArgumentException(
          "the credential helper " + program.get() + " failed: " + failed.getMessage(), failed);
    } catch (InterruptedException interrupted) {
      Thread.currentThread().interrupt();
      return Optional.empty();
    }
  }

  private Optional<Path> find(String programName) {
    for (Path directory : searchPath) {
      Path candidate = directory.resolve(programName);
      if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
        return Optional.of(candidate);
      }
    }
    return Optional.empty();
  }
}
