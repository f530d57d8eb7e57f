package io.jcompose.engine.build.context;

import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Objects;
import java.util.Optional;

/**
 * One resolved source of a COPY or ADD, with the name it takes in a destination directory and the
 * hash the step's description shows ({@code file:<hex>} or {@code dir:<hex>}).
 */
sealed interface CopySource {

  /** The file name it gets inside a destination directory. */
  String name();

  /** {@code file:<hex>} or {@code dir:<hex>}, over everything the copy depends on. */
  String hash();

  /** A regular file of a tree (a link named directly was followed to it). */
  record File(Path host, String name, String hash) implements CopySource {
    public File {
      Objects.requireNonNull(host, "host");
    }
  }

  /** A directory of a tree: its contents are copied, links below it stored as links. */
  record Directory(Path host, String name, String hash) implements CopySource {
    public Directory {
      Objects.requireNonNull(host, "host");
    }
  }

  /** A here-document, written as a file of mode 0644. */
  record Inline(String name, byte[] content, String hash) implements CopySource {
    public Inline {
      content = content.clone();
    }

    @Override
    public byte[] content() {
      return content.clone();
    }
  }

  /** A file ADD downloaded, written with mode 0600 and the server's Last-Modified time. */
  record Download(Path file, String name, Optional<FileTime> modified, String hash)
      implements CopySource {
    public Download {
      Objects.requireNonNull(file, "file");
      Objects.requireNonNull(modified, "modified");
    }
  }

  /** A local tar ADD extracts at the destination. */
  record Archive(Path host, String name, String hash) implements CopySource {
    public Archive {
      Objects.requireNonNull(host, "host");
    }
  }
}
