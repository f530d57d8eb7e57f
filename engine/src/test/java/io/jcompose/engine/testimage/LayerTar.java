package io.jcompose.engine.testimage;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.Map;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.archivers.tar.TarConstants;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;

/**
 * Builds a layer tar in memory, entry by entry, the way docker writes them (names as given, so a
 * test can write hostile ones too: {@code ../x}, {@code /abs}). Times are fixed, so the same
 * entries always give the same bytes and the same diff_id.
 */
public final class LayerTar {

  /** The modification time of every entry unless set otherwise. */
  public static final Instant MTIME = Instant.parse("2024-01-02T03:04:05Z");

  private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
  private final TarArchiveOutputStream tar = new TarArchiveOutputStream(bytes, "UTF-8");

  private LayerTar() {
    tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
    tar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
  }

  public static LayerTar create() {
    return new LayerTar();
  }

  public LayerTar directory(String name) {
    return directory(name, 0755);
  }

  public LayerTar directory(String name, int mode) {
    var entry = entry(name.endsWith("/") ? name : name + "/", TarConstants.LF_DIR);
    entry.setMode(040000 | mode);
    return add(entry, new byte[0]);
  }

  public LayerTar file(String name, String content) {
    return file(name, content.getBytes(StandardCharsets.UTF_8), 0644);
  }

  public LayerTar file(String name, byte[] content, int mode) {
    var entry = entry(name);
    entry.setMode(0100000 | mode);
    return add(entry, content);
  }

  /** A regular file with an owner and PAX extended attributes ({@code SCHILY.xattr.*}). */
  public LayerTar file(
      String name, String content, int mode, int userId, int groupId, Map<String, String> xattrs) {
    var entry = entry(name);
    entry.setMode(0100000 | mode);
    entry.setUserId(userId);
    entry.setGroupId(groupId);
    xattrs.forEach((key, value) -> entry.addPaxHeader("SCHILY.xattr." + key, value));
    return add(entry, content.getBytes(StandardCharsets.UTF_8));
  }

  public LayerTar symlink(String name, String target) {
    var entry = entry(name, TarConstants.LF_SYMLINK);
    entry.setLinkName(target);
    entry.setMode(0120777);
    return add(entry, new byte[0]);
  }

  public LayerTar hardLink(String name, String target) {
    var entry = entry(name, TarConstants.LF_LINK);
    entry.setLinkName(target);
    entry.setMode(0100644);
    return add(entry, new byte[0]);
  }

  public LayerTar characterDevice(String name, int major, int minor) {
    var entry = entry(name, TarConstants.LF_CHR);
    entry.setDevMajor(major);
    entry.setDevMinor(minor);
    entry.setMode(020666);
    return add(entry, new byte[0]);
  }

  public LayerTar fifo(String name) {
    var entry = entry(name, TarConstants.LF_FIFO);
    entry.setMode(010644);
    return add(entry, new byte[0]);
  }

  /** Docker's deletion marker for {@code path}: {@code DIR/.wh.NAME}, an empty 0600 file. */
  public LayerTar whiteout(String path) {
    int slash = path.lastIndexOf('/');
    String name = path.substring(0, slash + 1) + ".wh." + path.substring(slash + 1);
    return file(name, new byte[0], 0600);
  }

  /** Docker's opaque-directory marker: {@code DIR/.wh..wh..opq}, mode 0755 without type bits. */
  public LayerTar opaque(String directory) {
    var entry = entry(directory + "/.wh..wh..opq");
    entry.setMode(0755);
    return add(entry, new byte[0]);
  }

  /** Any entry as the caller made it (its time too). */
  public LayerTar entry(TarArchiveEntry entry, byte[] content) {
    return add(entry, content);
  }

  private static TarArchiveEntry entry(String name, byte type) {
    var entry = new TarArchiveEntry(name, type, true);
    entry.setLastModifiedTime(FileTime.from(MTIME));
    return entry;
  }

  private static TarArchiveEntry entry(String name) {
    return entry(name, TarConstants.LF_NORMAL);
  }

  public byte[] toByteArray() {
    try {
      tar.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  public static byte[] gzip(byte[] plain) {
    var compressed = new ByteArrayOutputStream();
    try (var gzip = new GzipCompressorOutputStream(compressed)) {
      gzip.write(plain);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return compressed.toByteArray();
  }

  /** Compresses with the host's {@code zstd} tool. */
  public static byte[] zstd(byte[] plain) {
    try {
      Process process = new ProcessBuilder("zstd", "-q", "-c").start();
      var output = new java.util.concurrent.CompletableFuture<byte[]>();
      var reader =
          new Thread(
              () -> {
                try {
                  output.complete(process.getInputStream().readAllBytes());
                } catch (IOException e) {
                  output.completeExceptionally(e);
                }
              });
      reader.start();
      try (var input = process.getOutputStream()) {
        new ByteArrayInputStream(plain).transferTo(input);
      }
      if (process.waitFor() != 0) {
        throw new IllegalStateException("zstd failed");
      }
      return output.join();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private LayerTar add(TarArchiveEntry entry, byte[] content) {
    try {
      entry.setSize(content.length);
      tar.putArchiveEntry(entry);
      tar.write(content);
      tar.closeArchiveEntry();
      return this;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
