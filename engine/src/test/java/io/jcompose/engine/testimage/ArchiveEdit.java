package io.jcompose.engine.testimage;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BiFunction;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;

/** Rewrites an image archive's files, to make broken and hostile archives from good ones. */
public final class ArchiveEdit {

  private final Map<String, byte[]> files = new LinkedHashMap<>();

  private ArchiveEdit() {}

  /** Reads the regular files of a tar (directories are dropped; loaders do not need them). */
  public static ArchiveEdit of(byte[] archive) {
    var edit = new ArchiveEdit();
    try (var tar = new TarArchiveInputStream(new ByteArrayInputStream(archive), "UTF-8")) {
      TarArchiveEntry entry;
      while ((entry = tar.getNextEntry()) != null) {
        if (entry.isFile()) {
          edit.files.put(entry.getName(), tar.readAllBytes());
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return edit;
  }

  /** Replaces each file's content by what {@code change} returns for its name and content. */
  public ArchiveEdit change(BiFunction<String, byte[], byte[]> change) {
    files.replaceAll(change::apply);
    return this;
  }

  public ArchiveEdit remove(String name) {
    if (files.remove(name) == null) {
      throw new IllegalArgumentException("no file " + name + " in " + files.keySet());
    }
    return this;
  }

  /** Adds a file under any name, hostile ones too. */
  public ArchiveEdit add(String name, byte[] content) {
    files.put(name, content);
    return this;
  }

  public Map<String, byte[]> files() {
    return Map.copyOf(files);
  }

  public byte[] toByteArray() {
    var bytes = new ByteArrayOutputStream();
    try (var tar = new TarArchiveOutputStream(bytes, "UTF-8")) {
      tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
      for (Map.Entry<String, byte[]> file : files.entrySet()) {
        var entry = new TarArchiveEntry(file.getKey(), true);
        entry.setSize(file.getValue().length);
        tar.putArchiveEntry(entry);
        tar.write(file.getValue());
        tar.closeArchiveEntry();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }
}
