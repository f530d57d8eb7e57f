package io.jcompose.engine.content;

import io.jcompose.engine.digest.Digest;
import io.jcompose.engine.fault.EngineFault;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;

/**
 * Blobs by sha256 under {@code <root>/content/blobs/sha256/<hex>}. A blob is written to a temporary
 * file under {@code <root>/content/ingest} (the same file system), hashed as it is written, forced
 * to disk, checked against the expected digest and size, and only then moved into place, so a
 * reader never sees a partial or unverified blob.
 */
public final class ContentStore {

  private static final int BUFFER_SIZE = 64 * 1024;

  private final Path blobs;
  private final Path ingest;

  private ContentStore(Path blobs, Path ingest) {
    this.blobs = blobs;
    this.ingest = ingest;
  }

  /**
   * Opens (creating if needed) the store under {@code <root>/content} and removes the temporary
   * files of ingestions that a crash interrupted.
   */
  public static ContentStore open(Path root) {
    Path content = root.resolve("content");
    Path blobs = content.resolve("blobs").resolve(Digest.ALGORITHM);
    Path ingest = content.resolve("ingest");
    try {
      Files.createDirectories(blobs);
      Files.createDirectories(ingest);
      try (DirectoryStream<Path> leftovers = Files.newDirectoryStream(ingest)) {
        for (Path leftover : leftovers) {
          Files.deleteIfExists(leftover);
        }
      }
    } catch (IOException e) {
      throw new EngineFault.Internal("cannot open the content store in " + content, e);
    }
    return new ContentStore(blobs, ingest);
  }

  /** Stores a stream whose digest is not known beforehand. */
  public Blob ingest(InputStream source) throws IOException {
    return write(source, Optional.empty(), OptionalLong.empty());
  }

  /**
   * Stores a stream that must hash to {@code expected} (and be {@code expectedSize} bytes long when
   * given). An existing blob is kept (content addressing makes the copies equal).
   *
   * @throws EngineFault.InvalidArgument on a digest or size mismatch; nothing is left behind
   * @throws IOException when reading {@code source} fails; nothing is left behind
   */
  public Blob ingest(InputStream source, Digest expected, OptionalLong expectedSize)
      throws IOException {
    return write(source, Optional.of(expected), expectedSize);
  }

  public boolean exists(Digest digest) {
    return Files.isRegularFile(file(digest));
  }

  /**
   * @throws EngineFault.NotFound when there is no such blob
   */
  public InputStream read(Digest digest) {
    try {
      return Files.newInputStream(file(digest));
    } catch (NoSuchFileException e) {
      throw new EngineFault.NotFound("content " + digest + " not found");
    } catch (IOException e) {
      throw new EngineFault.Internal("cannot read content " + digest, e);
    }
  }

  /**
   * @throws EngineFault.NotFound when there is no such blob
   */
  public long size(Digest digest) {
    try {
      return Files.size(file(digest));
    } catch (NoSuchFileException e) {
      throw new EngineFault.NotFound("content " + digest + " not found");
    } catch (IOException e) {
      throw new EngineFault.Internal("cannot read content " + digest, e);
    }
  }

  /** Removes a blob; returns whether it was there. */
  public boolean delete(Digest digest) {
    try {
      return Files.deleteIfExists(file(digest));
    } catch (IOException e) {
      throw new EngineFault.Internal("cannot delete content " + digest, e);
    }
  }

  /** Every stored blob's digest, sorted. */
  public List<Digest> list() {
    var digests = new ArrayList<Digest>();
    try (DirectoryStream<Path> files = Files.newDirectoryStream(blobs)) {
      for (Path file : files) {
        String name = file.getFileName().toString();
        if (name.length() == 64 && name.chars().allMatch(c -> Character.digit(c, 16) >= 0)) {
          digests.add(new Digest(name));
        }
      }
    } catch (IOException e) {
      throw new EngineFault.Internal("cannot list the content store " + blobs, e);
    }
    digests.sort((left, right) -> left.hex().compareTo(right.hex()));
    return digests;
  }

  private Blob write(InputStream source, Optional<Digest> expected, OptionalLong expectedSize)
      throws IOException {
    Path temporary = ingest.resolve(UUID.randomUUID().toString());
    boolean committed = false;
    try {
      MessageDigest hasher = Digest.newMessageDigest();
      long size = copy(source, temporary, hasher, expectedSize);
      Digest actual = Digest.fromHash(hasher.digest());
      if (expectedSize.isPresent() && expectedSize.getAsLong() != size) {
        throw new EngineFault.InvalidArgument(
            "size mismatch for "
                + expected.map(Digest::toString).orElse(actual.toString())
                + ": expected "
                + expectedSize.getAsLong()
                + " bytes, got "
                + size);
      }
      if (expected.isPresent() && !expected.get().equals(actual)) {
        throw new EngineFault.InvalidArgument(
            "digest mismatch: expected " + expected.get() + ", got " + actual);
      }
      commit(temporary, file(actual));
      committed = true;
      return new Blob(actual, size);
    } finally {
      if (!committed) {
        Files.deleteIfExists(temporary);
      }
    }
  }

  /** Copies {@code source} into {@code target}; source failures are IOExceptions, ours Internal. */
  private static long copy(
      InputStream source, Path target, MessageDigest hasher, OptionalLong expectedSize)
      throws IOException {
    long limit = expectedSize.orElse(Long.MAX_VALUE);
    byte[] buffer = new byte[BUFFER_SIZE];
    long size = 0;
    try (FileChannel channel = create(target)) {
      int count;
      while ((count = source.read(buffer)) >= 0) {
        hasher.update(buffer, 0, count);
        size += count;
        if (size > limit) {
          throw new EngineFault.InvalidArgument(
              "size mismatch: expected " + limit + " bytes, got more");
        }
        write(channel, ByteBuffer.wrap(buffer, 0, count));
      }
      try {
        channel.force(true);
      } catch (IOException e) {
        throw new EngineFault.Internal("cannot write to the content store: " + e.getMessage(), e);
      }
    }
    return size;
  }

  private static FileChannel create(Path target) {
    try {
      return FileChannel.open(target, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
    } catch (IOException e) {
      throw new EngineFault.Internal("cannot write to the content store: " + e.getMessage(), e);
    }
  }

  private static void write(FileChannel channel, ByteBuffer bytes) {
    try {
      while (bytes.hasRemaining()) {
        channel.write(bytes);
      }
    } catch (IOException e) {
      throw new EngineFault.Internal("cannot write to the content store: " + e.getMessage(), e);
    }
  }

  private static void commit(Path temporary, Path target) {
    try {
      try {
        Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(temporary, target);
      }
    } catch (FileAlreadyExistsException e) {
      // the same content arrived twice; the existing copy stays
    } catch (IOException e) {
      throw new EngineFault.Internal("cannot commit content " + target.getFileName(), e);
    }
  }

  private Path file(Digest digest) {
    return blobs.resolve(digest.hex());
  }
}
