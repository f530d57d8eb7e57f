package io.jcompose.engine.state;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One file per object under a directory, written atomically: the new text goes to a temporary file
 * in the same directory, is forced to disk, and is moved over the old one, so a crash leaves either
 * the old record or the new one, never half of one. Keys are restricted to {@code [A-Za-z0-9_.-]}
 * so no key can name a path outside the directory.
 */
public final class RecordStore {

  private static final Pattern KEY = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,254}");
  private static final String SUFFIX = ".json";
  private static final String TEMPORARY = ".tmp-";

  private final Path directory;

  public RecordStore(Path directory) {
    this.directory = directory;
    try {
      Files.createDirectories(directory);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create the record directory " + directory, e);
    }
  }

  public Path directory() {
    return directory;
  }

  /** Writes (or replaces) the record of {@code key}. */
  public void write(String key, String text) {
    Path target = file(key);
    Path temporary = directory.resolve(TEMPORARY + key + "-" + Thread.currentThread().getId());
    try {
      try (FileChannel channel =
          FileChannel.open(
              temporary,
              StandardOpenOption.CREATE,
              StandardOpenOption.TRUNCATE_EXISTING,
              StandardOpenOption.WRITE)) {
        channel.write(java.nio.ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8)));
        channel.force(true);
      }
      try {
        Files.move(
            temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write record " + target, e);
    } finally {
      try {
        Files.deleteIfExists(temporary);
      } catch (IOException ignored) {
        // the temporary file is removed by the next start's clean-up
      }
    }
  }

  public Optional<String> read(String key) {
    try {
      return Optional.of(Files.readString(file(key), StandardCharsets.UTF_8));
    } catch (NoSuchFileException e) {
      return Optional.empty();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read record " + file(key), e);
    }
  }

  public void delete(String key) {
    try {
      Files.deleteIfExists(file(key));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot delete record " + file(key), e);
    }
  }

  /** Every key with a record, sorted; leftover temporary files of a crash are removed. */
  public List<String> keys() {
    var keys = new ArrayList<String>();
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(directory)) {
      for (Path entry : entries) {
        String name = entry.getFileName().toString();
        if (name.startsWith(TEMPORARY)) {
          Files.deleteIfExists(entry);
        } else if (name.endsWith(SUFFIX)) {
          keys.add(name.substring(0, name.length() - SUFFIX.length()));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list records in " + directory, e);
    }
    keys.sort(null);
    return keys;
  }

  private Path file(String key) {
    if (!KEY.matcher(key).matches()) {
      throw new IllegalArgumentException("invalid record key \"" + key + "\"");
    }
    return directory.resolve(key + SUFFIX);
  }
}
