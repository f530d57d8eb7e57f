package io.jcompose.engine.build.context;

import io.jcompose.engine.fault.EngineFault;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

/**
 * SHA-256 over what a copied source puts in the image: for a file its mode and content; for a
 * directory each entry below it (sorted by path) with its type, mode, link target and content.
 * Owners and times are left out: a copy's owner comes from {@code --chown}, and times do not decide
 * a cache hit (docker's tarsum leaves them out too).
 */
final class SourceDigest {

  private final MessageDigest digest = sha256();

  static String file(Path file) {
    var source = new SourceDigest();
    source.entry("", file);
    return "file:" + source.hex();
  }

  static String directory(Path directory) {
    var source = new SourceDigest();
    source.walk("", directory);
    return "dir:" + source.hex();
  }

  static String bytes(byte[] content) {
    var source = new SourceDigest();
    source.digest.update(content);
    return "file:" + source.hex();
  }

  /** The hex SHA-256 of {@code parts}, each followed by a NUL. */
  static String of(List<String> parts) {
    var source = new SourceDigest();
    parts.forEach(source::text);
    return source.hex();
  }

  private void walk(String prefix, Path directory) {
    try (Stream<Path> children = Files.list(directory)) {
      for (Path child : children.sorted().toList()) {
        String relative = prefix + child.getFileName();
        entry(relative, child);
        if (Files.isDirectory(child, LinkOption.NOFOLLOW_LINKS)) {
          walk(relative + "/", child);
        }
      }
    } catch (IOException e) {
      throw new EngineFault.Internal("cannot read " + directory, e);
    }
  }

  private void entry(String relative, Path path) {
    try {
      var attributes =
          Files.readAttributes(path, PosixFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
      int mode = (Integer) Files.getAttribute(path, "unix:mode", LinkOption.NOFOLLOW_LINKS);
      text(relative);
      if (attributes.isSymbolicLink()) {
        text("link");
        text(Files.readSymbolicLink(path).toString());
      } else if (attributes.isDirectory()) {
        text("dir");
        text(Integer.toOctalString(mode & 07777));
      } else if (attributes.isRegularFile()) {
        text("file");
        text(Integer.toOctalString(mode & 07777));
        text(Long.toString(attributes.size()));
        try (InputStream content = Files.newInputStream(path, LinkOption.NOFOLLOW_LINKS)) {
          byte[] buffer = new byte[64 * 1024];
          int read;
          while ((read = content.read(buffer)) > 0) {
            digest.update(buffer, 0, read);
          }
        }
      } else {
        text("other");
      }
    } catch (IOException e) {
      throw new EngineFault.Internal("cannot read " + path, e);
    }
  }

  private void text(String value) {
    digest.update(value.getBytes(StandardCharsets.UTF_8));
    digest.update((byte) 0);
  }

  private String hex() {
    return HexFormat.of().formatHex(digest.digest());
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }
}
