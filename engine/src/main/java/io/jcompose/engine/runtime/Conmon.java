package io.jcompose.engine.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jcompose.engine.fault.EngineFault;
import io.jcompose.engine.host.HostCommand;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.lang.ProcessBuilder.Redirect;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedByInterruptException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Starts conmon for one container. conmon forks a monitor that outlives the engine, which runs
 * {@code runc create}, holds the container's stdio, writes the k8s-file log and, when the container
 * exits, its exit file. The monitor reports the container's pid (or runc's error) on its fd 3,
 * which Java cannot pass to a child directly: a FIFO is opened on fd 3 by {@code /bin/sh} before it
 * execs conmon.
 */
final class Conmon {

  private static final int S_IFMT = 0170000;
  private static final int S_IFIFO = 0010000;
  private static final String FIFO_VARIABLE = "JCOMPOSE_SYNC_FIFO";
  private static final String LAUNCH_SCRIPT = "exec \"$@\" 3>\"$" + FIFO_VARIABLE + "\"";

  private final RuntimeLayout layout;
  private final ThreadFactory threads;
  private final Duration answerTimeout;
  private final ObjectMapper json = new ObjectMapper();

  Conmon(RuntimeLayout layout, ThreadFactory threads, Duration answerTimeout) {
    this.layout = layout;
    this.threads = threads;
    this.answerTimeout = answerTimeout;
  }

  /**
   * Launches conmon and waits for its answer.
   *
   * @return the container's init pid, in state {@code created}
   * @throws EngineFault.InvalidArgument when runc rejects the command (binary not found)
   * @throws EngineFault.Internal with runc's message for any other failure, or on interruption
   */
  long create(String containerId, ContainerBundle bundle, Stdio stdio) {
    Path fifo = bundle.syncFifo();
    if (!isFifo(fifo)) {
      makeSyncFifo(bundle);
    }
    Process launcher;
    try {
      var builder = new ProcessBuilder(launchCommand(containerId, bundle, stdio));
      // conmon also writes "oom" into its working directory: the bundle, not the engine's
      builder.directory(bundle.directory().toFile());
      builder.environment().put("_OCI_SYNCPIPE", "3");
      builder.environment().put(FIFO_VARIABLE, fifo.toString());
      builder.redirectInput(Redirect.from(new File("/dev/null")));
      builder.redirectOutput(Redirect.appendTo(bundle.conmonOutputFile().toFile()));
      builder.redirectErrorStream(true);
      launcher = builder.start();
    } catch (IOException e) {
      throw new EngineFault.Unavailable("cannot start conmon: " + e.getMessage(), e);
    }
    String answer;
    var answered = new CountDownLatch(1);
    var gaveUp = new AtomicBoolean();
    Thread watchdog =
        threads.newThread(() -> killWhenSilent(containerId, answered, gaveUp, launcher, bundle));
    watchdog.start();
    try {
      answer = readLine(fifo);
      launcher.waitFor();
    } catch (InterruptedException e) {
      launcher.destroyForcibly();
      Thread.currentThread().interrupt();
      throw new EngineFault.Internal("interrupted while creating " + containerId, e);
    } finally {
      answered.countDown();
      deleteQuietly(fifo);
    }
    if (gaveUp.get()) {
      throw new EngineFault.Internal(
          "conmon did not report on "
              + containerId
              + " within "
              + answerTimeout.toSeconds()
              + "s and was killed: "
              + launcherOutput(bundle),
          null);
    }
    return parseAnswer(containerId, bundle, answer);
  }

  /**
   * Makes the FIFO conmon answers on (replacing whatever is in its place), so a caller can have it
   * made ahead of {@link #create} while it does other work: {@code mkfifo} is a process of its own.
   * A FIFO keeps no data while nobody has it open, so one made ahead is as good as a new one.
   */
  static void makeSyncFifo(ContainerBundle bundle) {
    Path fifo = bundle.syncFifo();
    try {
      Files.deleteIfExists(fifo);
    } catch (IOException e) {
      throw new EngineFault.Internal("cannot remove stale " + fifo, e);
    }
    HostCommand.run("mkfifo", "-m", "600", fifo.toString()).orThrow();
  }

  private static boolean isFifo(Path path) {
    try {
      int mode = (Integer) Files.getAttribute(path, "unix:mode", LinkOption.NOFOLLOW_LINKS);
      return (mode & S_IFMT) == S_IFIFO && (mode & 0777) == 0600;
    } catch (IOException | UnsupportedOperationException e) {
      return false;
    }
  }

  private List<String> launchCommand(String containerId, ContainerBundle bundle, Stdio stdio) {
    Path directory = bundle.directory();
    var argv = new ArrayList<String>();
    argv.addAll(List.of("/bin/sh", "-c", LAUNCH_SCRIPT, "sh", layout.conmon().toString()));
    argv.addAll(List.of("--api-version", "1"));
    argv.addAll(List.of("-c", containerId, "-u", containerId, "-n", containerId));
    argv.addAll(List.of("-r", layout.runc().toString()));
    argv.addAll(List.of("--runtime-arg", "--root", "--runtime-arg", layout.stateRoot().toString()));
    argv.addAll(List.of("-b", directory.toString()));
    argv.addAll(List.of("-p", bundle.containerPidFile().toString()));
    argv.addAll(List.of("-P", bundle.conmonPidFile().toString()));
    argv.addAll(List.of("-l", "k8s-file:" + bundle.logFile()));
    argv.addAll(List.of("--exit-dir", layout.exitDirectory().toString()));
    argv.addAll(List.of("-0", directory.toString()));
    argv.addAll(List.of("--socket-dir-path", layout.socketDirectory().toString()));
    argv.addAll(List.of("--log-level", "info"));
    if (stdio.terminal()) {
      argv.add("-t");
    }
    if (stdio.openStdin()) {
      argv.add("-i");
      if (stdio.leaveStdinOpen()) {
        argv.add("--leave-stdin-open");
      }
    }
    return argv;
  }

  /**
   * One line from the FIFO, or what came before its end. The channel is interruptible: an interrupt
   * closes it and ends the read.
   */
  private static String readLine(Path fifo) throws InterruptedException {
    var line = new ByteArrayOutputStream();
    try (FileChannel channel = FileChannel.open(fifo, StandardOpenOption.READ)) {
      ByteBuffer buffer = ByteBuffer.allocate(4096);
      while (channel.read(buffer) >= 0) {
        buffer.flip();
        while (buffer.hasRemaining()) {
          byte next = buffer.get();
          if (next == '\n') {
            return line.toString(StandardCharsets.UTF_8);
          }
          line.write(next);
        }
        buffer.clear();
      }
    } catch (ClosedByInterruptException e) {
      throw new InterruptedException("interrupted while reading conmon's answer");
    } catch (IOException e) {
      throw new EngineFault.Internal("cannot read conmon's answer from " + fifo, e);
    }
    return line.toString(StandardCharsets.UTF_8);
  }

  private long parseAnswer(String containerId, ContainerBundle bundle, String answer) {
    if (answer.isBlank()) {
      throw new EngineFault.Internal(
          "conmon ended without reporting on " + containerId + ": " + launcherOutput(bundle), null);
    }
    JsonNode node;
    try {
      node = json.readTree(answer);
    } catch (IOException e) {
      throw new EngineFault.Internal("conmon answered \"" + answer + "\" for " + containerId, e);
    }
    long pid = node.path("data").asLong(-1);
    if (pid > 0) {
      return pid;
    }
    String message = Runc.message(node.path("message").asText(launcherOutput(bundle)));
    if (message.contains("already exists")) {
      throw new EngineFault.Conflict("container " + containerId + " already exists in runc");
    }
    if (message.contains("executable file not found")
        || message.contains("no such file or directory")
        || message.contains("permission denied")) {
      throw new EngineFault.InvalidArgument(
          "failed to create container " + containerId + ": " + message);
    }
    throw new EngineFault.Internal(
        "failed to create container " + containerId + ": " + message, null);
  }

  /** Kills a conmon that has not answered in time, so the FIFO read ends. */
  private void killWhenSilent(
      String containerId,
      CountDownLatch answered,
      AtomicBoolean gaveUp,
      Process launcher,
      ContainerBundle bundle) {
    try {
      if (answered.await(answerTimeout.toMillis(), TimeUnit.MILLISECONDS)) {
        return;
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return;
    }
    gaveUp.set(true);
    launcher.destroyForcibly();
    ConmonProcess.read(bundle)
        .filter(conmon -> conmon.monitors(containerId))
        .ifPresent(ConmonProcess::kill);
  }

  private static String launcherOutput(ContainerBundle bundle) {
    try {
      return Files.readString(bundle.conmonOutputFile()).strip();
    } catch (IOException e) {
      return "(no output)";
    }
  }

  private static void deleteQuietly(Path file) {
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      // a stale FIFO is removed before the next launch
    }
  }
}
