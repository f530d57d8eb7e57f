package io.jcompose.engine.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jcompose.engine.fault.EngineFault;
import io.jcompose.engine.host.HostCommand;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The runc commands the engine runs itself (conmon runs {@code create}), each with the engine's
 * state root. runc's own error messages ({@code msg="container not running"}) are turned into fault
 * categories.
 */
final class Runc {

  private static final Pattern MESSAGE = Pattern.compile("msg=\"((?:[^\"\\\\]|\\\\.)*)\"");

  private final Path runc;
  private final Path stateRoot;
  private final ObjectMapper json = new ObjectMapper();

  Runc(Path runc, Path stateRoot) {
    this.runc = runc;
    this.stateRoot = stateRoot;
  }

  /** The argv prefix: {@code runc --root <stateRoot>}. */
  List<String> command(String... arguments) {
    var argv = new ArrayList<>(List.of(runc.toString(), "--root", stateRoot.toString()));
    argv.addAll(List.of(arguments));
    return argv;
  }

  void start(String containerId) {
    var result = HostCommand.run(command("start", containerId));
    if (!result.succeeded()) {
      throw fault(containerId, "start", result);
    }
  }

  Optional<RuntimeState> state(String containerId) {
    var result = HostCommand.run(command("state", containerId));
    if (!result.succeeded()) {
      if (message(result).contains("does not exist")) {
        return Optional.empty();
      }
      throw fault(containerId, "state", result);
    }
    return Optional.of(parseState(readTree(result.stdout())));
  }

  List<RuntimeState> list() {
    var result = HostCommand.run(command("list", "--format", "json")).orThrow();
    JsonNode array = readTree(result.stdout());
    var states = new ArrayList<RuntimeState>();
    if (array.isArray()) {
      array.forEach(node -> states.add(parseState(node)));
    }
    return states;
  }

  /**
   * @throws EngineFault.Conflict when the container is not running
   * @throws EngineFault.NotFound when it does not exist
   */
  void kill(String containerId, Signal signal) {
    var result = HostCommand.run(command("kill", containerId, Integer.toString(signal.number())));
    if (!result.succeeded()) {
      throw fault(containerId, "kill", result);
    }
  }

  /** {@code runc pause}: freezes every process of the container (its cgroup's freezer). */
  void pause(String containerId) {
    var result = HostCommand.run(command("pause", containerId));
    if (!result.succeeded()) {
      throw fault(containerId, "pause", result);
    }
  }

  /** {@code runc resume}: thaws a paused container. */
  void resume(String containerId) {
    var result = HostCommand.run(command("resume", containerId));
    if (!result.succeeded()) {
      throw fault(containerId, "resume", result);
    }
  }

  void delete(String containerId, boolean force) {
    var result =
        HostCommand.run(
            force ? command("delete", "--force", containerId) : command("delete", containerId));
    if (!result.succeeded()) {
      throw fault(containerId, "delete", result);
    }
  }

  /** runc's own error text: the {@code msg} of its log line, or all of stderr. */
  static String message(HostCommand.Result result) {
    return message(result.stderr());
  }

  static String message(String stderr) {
    Matcher matcher = MESSAGE.matcher(stderr);
    String last = null;
    while (matcher.find()) {
      last = matcher.group(1);
    }
    if (last == null) {
      return stderr.strip();
    }
    return last.replace("\\\"", "\"").replace("\\n", "\n").replace("\\\\", "\\").strip();
  }

  private EngineFault fault(String containerId, String action, HostCommand.Result result) {
    String message = message(result);
    if (message.contains("does not exist")) {
      return new EngineFault.NotFound("No such container: " + containerId);
    }
    if (message.contains("not running") || message.contains("has stopped")) {
      return new EngineFault.Conflict("Container " + containerId + " is not running");
    }
    if (message.contains("already running")) {
      return new EngineFault.NotModified("Container " + containerId + " is already running");
    }
    return new EngineFault.Internal(
        "runc " + action + " " + containerId + " failed: " + message, null);
  }

  private JsonNode readTree(String text) {
    try {
      return json.readTree(text);
    } catch (IOException e) {
      throw new EngineFault.Internal("runc printed invalid JSON: " + text, e);
    }
  }

  private static RuntimeState parseState(JsonNode node) {
    return new RuntimeState(
        node.path("id").asText(),
        ContainerStatus.parse(node.path("status").asText()),
        node.path("pid").asLong(),
        Path.of(node.path("bundle").asText()),
        Path.of(node.path("rootfs").asText("/")),
        Instant.parse(node.path("created").asText()));
  }
}
