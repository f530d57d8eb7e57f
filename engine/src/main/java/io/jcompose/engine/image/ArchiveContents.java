package io.jcompose.engine.image;

import io.jcompose.engine.content.Blob;
import io.jcompose.engine.content.ContentStore;
import io.jcompose.engine.digest.Digest;
import io.jcompose.engine.fault.EngineFault;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.regex.Pattern;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;

/**
 * The files of an image archive, spooled as they stream past: entries come in any order, so every
 * file goes into the content store (a {@code blobs/sha256/<hex>} entry checked against its name)
 * and the small JSON documents that describe the archive are kept in memory. Nothing is written
 * under an entry's name, so a hostile name cannot escape; it is refused all the same.
 */
final class ArchiveContents {

  static final String MANIFEST = "manifest.json";
  static final String INDEX = "index.json";

  private static final Set<String> DOCUMENTS =
      Set.of(MANIFEST, INDEX, "repositories", "oci-layout");
  private static final int DOCUMENT_LIMIT = 16 * 1024 * 1024;
  private static final Pattern BLOB = Pattern.compile("blobs/sha256/([a-f0-9]{64})");
  private static final Pattern LEGACY_METADATA = Pattern.compile("[^/]+/(json|VERSION)");
  private static final int ALIAS_DEPTH = 16;

  private final Map<String, Blob> files = new HashMap<>();
  private final Map<String, String> aliases = new HashMap<>();
  private final Map<String, byte[]> documents = new HashMap<>();

  private ArchiveContents() {}

  /**
   * Reads the whole archive.
   *
   * @throws EngineFault.InvalidArgument for a truncated or corrupt tar, a hostile entry name, or a
   *     blob that does not match its name
   */
  static ArchiveContents spool(InputStream archive, ContentStore content) {
    var contents = new ArchiveContents();
    var tar = new TarArchiveInputStream(archive, "UTF-8");
    try {
      TarArchiveEntry entry;
      while ((entry = tar.getNextEntry()) != null) {
        contents.add(entry, tar, content);
      }
    } catch (IOException e) {
      throw new EngineFault.InvalidArgument(
          "the image archive is truncated or not a tar: " + e.getMessage(), e);
    }
    return contents;
  }

  Optional<byte[]> document(String name) {
    return Optional.ofNullable(documents.get(name));
  }

  /** The blob a path of the archive holds, following the symbolic links docker save writes. */
  Optional<Blob> file(String path) {
    String name = normalise(path);
    for (int depth = 0; depth < ALIAS_DEPTH && name != null; depth++) {
      Blob blob = files.get(name);
      if (blob != null) {
        return Optional.of(blob);
      }
      name = aliases.get(name);
    }
    return Optional.empty();
  }

  /** The blob {@code blobs/sha256/<hex>} of the OCI layout, if the archive has it. */
  Optional<Blob> blob(Digest digest) {
    return file("blobs/sha256/" + digest.hex());
  }

  private void add(TarArchiveEntry entry, InputStream data, ContentStore content)
      throws IOException {
    String name = checkedName(entry.getName());
    if (entry.isDirectory() || name.isEmpty()) {
      return;
    }
    if (entry.isSymbolicLink() || entry.isLink()) {
      String base =
          entry.isSymbolicLink() && name.contains("/")
              ? name.substring(0, name.lastIndexOf('/') + 1)
              : "";
      String target =
          entry.getLinkName().startsWith("/") ? null : normalise(base + entry.getLinkName());
      if (target == null) {
        throw refused(entry.getName(), "it links outside the archive");
      }
      aliases.put(name, target);
      return;
    }
    if (!entry.isFile()) {
      return;
    }
    if (DOCUMENTS.contains(name)) {
      if (entry.getSize() > DOCUMENT_LIMIT) {
        throw refused(entry.getName(), "it is larger than " + DOCUMENT_LIMIT + " bytes");
      }
      documents.put(name, data.readAllBytes());
      return;
    }
    if (LEGACY_METADATA.matcher(name).matches()) {
      return; // v1 layer metadata docker save still writes and nothing reads
    }
    var blobName = BLOB.matcher(name);
    Blob blob;
    if (blobName.matches()) {
      Digest expected = new Digest(blobName.group(1));
      try {
        blob = content.ingest(data, expected, OptionalLong.of(entry.getSize()));
      } catch (EngineFault.InvalidArgument e) {
        throw new EngineFault.InvalidArgument(
            "archive entry " + name + " does not match its digest: " + e.getMessage());
      }
    } else {
      blob = content.ingest(data);
    }
    files.put(name, blob);
  }

  /** {@code ./a//b} is {@code a/b}; {@code ..} that climbs out of the archive is null. */
  private static String normalise(String path) {
    var parts = new ArrayList<String>();
    for (String part : path.split("/")) {
      if (part.isEmpty() || part.equals(".")) {
        continue;
      }
      if (part.equals("..")) {
        if (parts.isEmpty()) {
          return null;
        }
        parts.remove(parts.size() - 1);
      } else {
        parts.add(part);
      }
    }
    return String.join("/", parts);
  }

  private static String checkedName(String raw) {
    if (raw.startsWith("/")) {
      throw refused(raw, "absolute names are not allowed in an image archive");
    }
    for (String part : raw.split("/")) {
      if (part.equals("..")) {
        throw refused(raw, "'..' is not allowed in an image archive");
      }
    }
    return normalise(raw);
  }

  private static EngineFault.InvalidArgument refused(String raw, String reason) {
    return new EngineFault.InvalidArgument(
        "image archive entry \"" + raw + "\" is refused: " + reason);
  }
}
