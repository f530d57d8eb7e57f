package io.jcompose.engine.layer;

import io.jcompose.engine.fault.EngineFault;
import io.jcompose.engine.host.HostCommand;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * Decompresses zstd through the host's {@code zstd -dc}: a thread of its own feeds the compressed
 * bytes to the tool's stdin while the caller reads its stdout, and the end of the stream reports
 * the tool's failure (a truncated or corrupt frame) as an IOException.
 */
final class ZstdToolStream extends InputStream {

  private final Process process;
  private final InputStream decompressed;
  private final Thread feeder;
  private final Thread errorReader;
  private final ByteArrayOutputStream errors = new ByteArrayOutputStream();
  private volatile IOException feedFailure;
  private boolean checkedExit;

  private ZstdToolStream(Process process, InputStream compressed) {
    this.process = process;
    this.decompressed = process.getInputStream();
    this.feeder = new Thread(() -> feed(compressed), "zstd-feed");
    this.errorReader = new Thread(this::readErrors, "zstd-stderr");
    feeder.setDaemon(true);
    errorReader.setDaemon(true);
    feeder.start();
    errorReader.start();
  }

  static InputStream start(InputStream compressed) throws IOException {
    Path zstd;
    try {
      zstd = HostCommand.require("zstd", "zstd");
    } catch (EngineFault.Unavailable e) {
      throw new EngineFault.Unavailable("this layer is zstd-compressed: " + e.getMessage(), e);
    }
    Process process = new ProcessBuilder(zstd.toString(), "-d", "-c", "-q").start();
    return new ZstdToolStream(process, compressed);
  }

  @Override
  public int read() throws IOException {
    int value = decompressed.read();
    if (value < 0) {
      checkExit();
    }
    return value;
  }

  @Override
  public int read(byte[] buffer, int offset, int length) throws IOException {
    int count = decompressed.read(buffer, offset, length);
    if (count < 0) {
      checkExit();
    }
    return count;
  }

  @Override
  public void close() throws IOException {
    decompressed.close();
    process.destroy();
    try {
      feeder.join();
      errorReader.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while stopping zstd", e);
    }
  }

  private void checkExit() throws IOException {
    if (checkedExit) {
      return;
    }
    checkedExit = true;
    try {
      int exitCode = process.waitFor();
      feeder.join();
      errorReader.join();
      if (exitCode != 0) {
        String message;
        synchronized (errors) {
          message = errors.toString(StandardCharsets.UTF_8).strip();
        }
        throw new IOException("zstd failed with exit code " + exitCode + ": " + message);
      }
      if (feedFailure != null) {
        throw feedFailure;
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while waiting for zstd", e);
    }
  }

  private void feed(InputStream compressed) {
    try (OutputStream toolInput = process.getOutputStream()) {
      compressed.transferTo(toolInput);
    } catch (IOException e) {
      if (process.isAlive()) {
        feedFailure = e;
      }
    } finally {
      try {
        compressed.close();
      } catch (IOException e) {
        // the stream is finished with either way
      }
    }
  }

  private void readErrors() {
    try (InputStream stderr = process.getErrorStream()) {
      byte[] buffer = new byte[4096];
      int count;
      while ((count = stderr.read(buffer)) >= 0) {
        synchronized (errors) {
          errors.write(buffer, 0, count);
        }
      }
    } catch (IOException e) {
      // the process ended; what it printed so far is enough
    }
  }
}
