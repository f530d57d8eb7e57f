package io.jcompose.engine.container;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.jcompose.engine.fault.EngineFault;
import io.jcompose.engine.host.HostCommand;
import io.jcompose.engine.http.ApiRouter;
import io.jcompose.engine.http.MultiplexedStream;
import io.jcompose.engine.http.Request;
import io.jcompose.engine.http.Response;
import io.jcompose.engine.http.RouteTable;
import io.jcompose.engine.runtime.ExecResult;
import io.jcompose.engine.runtime.ExecSession;
import io.jcompose.engine.runtime.TerminalSize;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The exec routes: create ({@code POST /containers/{id}/exec}), start ({@code POST
 * /exec/{id}/start}, attached or detached), inspect and resize. Without stdin or a terminal the
 * output is handed over when the process ends; with either the streams are relayed live ({@link
 * ExecStreams}).
 */
public final class ExecRouter implements ApiRouter {

  private final ContainerService containers;

  public ExecRouter(ContainerService containers) {
    this.containers = containers;
  }

  @Override
  public void addRoutes(RouteTable routes) {
    routes
        .post("/containers/{id}/exec", this::create)
        .post("/exec/{id}/start", this::start)
        .get("/exec/{id}/json", this::inspect)
        .post("/exec/{id}/resize", this::resize);
  }

  record CreateBody(
      @JsonProperty("AttachStdin") Boolean attachStdin,
      @JsonProperty("AttachStdout") Boolean attachStdout,
      @JsonProperty("AttachStderr") Boolean attachStderr,
      @JsonProperty("Tty") Boolean tty,
      @JsonProperty("Env") List<String> env,
      @JsonProperty("Cmd") List<String> cmd,
      @JsonProperty("Privileged") Boolean privileged,
      @JsonProperty("User") String user,
      @JsonProperty("WorkingDir") String workingDir) {}

  record StartBody(
      @JsonProperty("Detach") Boolean detach,
      @JsonProperty("Tty") Boolean tty,
      @JsonProperty("ConsoleSize") List<Long> consoleSize) {

    /** {@code ConsoleSize} ({@code [rows, columns]}) when given and not zero. */
    Optional<TerminalSize> size() {
      if (consoleSize == null
          || consoleSize.size() != 2
          || consoleSize.get(0) == null
          || consoleSize.get(1) == null
          || consoleSize.get(0) <= 0
          || consoleSize.get(1) <= 0) {
        return Optional.empty();
      }
      return Optional.of(new TerminalSize(consoleSize.get(0), consoleSize.get(1)));
    }
  }

  record CreatedBody(@JsonProperty("Id") String id) {}

  record InspectBody(
      @JsonProperty("ID") String id,
      @JsonProperty("Running") boolean running,
      @JsonProperty("ExitCode") Integer exitCode,
      @JsonProperty("ProcessConfig") ProcessConfigBody processConfig,
      @JsonProperty("OpenStdin") boolean openStdin,
      @JsonProperty("OpenStderr") boolean openStderr,
      @JsonProperty("OpenStdout") boolean openStdout,
      @JsonProperty("CanRemove") boolean canRemove,
      @JsonProperty("ContainerID") String containerId,
      @JsonProperty("DetachKeys") String detachKeys,
      @JsonProperty("Pid") long pid) {}

  record ProcessConfigBody(
      @JsonProperty("tty") boolean tty,
      @JsonProperty("entrypoint") String entrypoint,
      @JsonProperty("arguments") List<String> arguments,
      @JsonProperty("privileged") boolean privileged,
      @JsonProperty("user") @JsonInclude(JsonInclude.Include.NON_EMPTY) String user) {}

  private Response create(Request request) throws IOException {
    CreateBody body =
        request
            .bodyAs(CreateBody.class)
            .orElseThrow(() -> new EngineFault.InvalidArgument("No exec command specified"));
    var spec =
        new ContainerExecs.ExecSpec(
            body.cmd() == null ? List.of() : body.cmd().stream().filter(Objects::nonNull).toList(),
            body.env() == null ? List.of() : body.env().stream().filter(Objects::nonNull).toList(),
            body.workingDir() == null ? "" : body.workingDir(),
            body.user() == null ? "" : body.user(),
            Boolean.TRUE.equals(body.tty()),
            Boolean.TRUE.equals(body.privileged()),
            Boolean.TRUE.equals(body.attachStdin()),
            !Boolean.FALSE.equals(body.attachStdout()),
            !Boolean.FALSE.equals(body.attachStderr()));
    return Response.json(
        201, new CreatedBody(containers.createExec(request.pathParameter("id"), spec)));
  }

  private Response start(Request request) throws IOException {
    StartBody body = request.bodyAs(StartBody.class).orElse(new StartBody(false, false, null));
    ContainerExecs.ExecView exec = containers.claimExec(request.pathParameter("id"));
    if (Boolean.TRUE.equals(body.detach())) {
      containers.runExecDetached(exec);
      return Response.empty(200);
    }
    boolean tty = exec.spec().tty();
    if (tty || exec.spec().attachStdin()) {
      return Response.hijack(
          MultiplexedStream.contentType(request.apiVersion(), tty),
          connection -> new ExecStreams(containers, exec, body.size()).run(connection, request));
    }
    return Response.hijack(
        MultiplexedStream.contentType(request.apiVersion(), tty),
        connection -> {
          var handler = new AtomicReference<>(Thread.currentThread());
          request.whenClientGone(
              () -> Optional.ofNullable(handler.get()).ifPresent(Thread::interrupt));
          ExecResult result;
          try {
            result = containers.runExec(exec);
          } finally {
            handler.set(null);
          }
          write(connection.output(), exec.spec(), result);
        });
  }

  private Response inspect(Request request) {
    ContainerExecs.ExecView exec = containers.inspectExec(request.pathParameter("id"));
    List<String> command = exec.spec().command();
    return Response.json(
        new InspectBody(
            exec.id(),
            exec.running(),
            exec.exitCode().orElse(null),
            new ProcessConfigBody(
                exec.spec().tty(),
                command.get(0),
                command.subList(1, command.size()),
                exec.spec().privileged(),
                exec.spec().user()),
            exec.spec().attachStdin(),
            exec.spec().attachStderr(),
            exec.spec().attachStdout(),
            false,
            exec.containerId(),
            "",
            0));
  }

  /** Sets the size of a running exec's terminal; accepted and ignored for one without. */
  private Response resize(Request request) {
    String id = request.pathParameter("id");
    containers.inspectExec(id);
    long height = request.query().integer("h").orElse(0);
    long width = request.query().integer("w").orElse(0);
    if (height > 0 && width > 0) {
      containers
          .execSession(id)
          .flatMap(ExecSession::relayTerminal)
          .ifPresent(
              terminal ->
                  HostCommand.run(
                      "stty",
                      "-F",
                      terminal.toString(),
                      "rows",
                      Long.toString(height),
                      "cols",
                      Long.toString(width)));
    }
    return Response.empty(200);
  }

  private static void write(OutputStream out, ContainerExecs.ExecSpec spec, ExecResult result)
      throws IOException {
    byte[] stdout = spec.attachStdout() ? bytes(result.stdout()) : new byte[0];
    byte[] stderr = spec.attachStderr() ? bytes(result.stderr()) : new byte[0];
    if (spec.tty()) {
      out.write(stdout);
      out.write(stderr);
      out.flush();
      return;
    }
    var frames = new MultiplexedStream(out);
    frames.write(MultiplexedStream.Kind.STDOUT, stdout, 0, stdout.length);
    frames.write(MultiplexedStream.Kind.STDERR, stderr, 0, stderr.length);
    out.flush();
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
