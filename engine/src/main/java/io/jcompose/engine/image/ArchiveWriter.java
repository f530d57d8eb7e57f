package io.jcompose.engine.image;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.jcompose.engine.content.ContentStore;
import io.jcompose.engine.digest.Digest;
import io.jcompose.engine.fault.EngineFault;
import io.jcompose.engine.layer.Decompression;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;

/**
 * Writes images as a legacy {@code docker save} archive: {@code <id>.json} configs byte for byte,
 * one {@code <diff_id>/layer.tar} per layer (uncompressed, so its sha256 is the diff_id), {@code
 * manifest.json} and {@code repositories}. Any docker, and this engine, loads it.
 */
final class ArchiveWriter {

  private static final FileTime EPOCH = FileTime.from(Instant.EPOCH);

  private ArchiveWriter() {}

  /**
   * @param names references or ids; a repository name without a tag saves all its tags, as docker
   *     does
   * @throws EngineFault.NotFound for a name that resolves to no image
   */
  static void save(Catalog catalog, List<String> names, ContentStore content, OutputStream out)
      throws IOException {
    Map<Digest, Set<ImageReference>> selection = select(catalog, names);
    var tar = new TarArchiveOutputStream(out, "UTF-8");
    tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
    tar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
    var manifest = new ArrayList<ArchiveJson.ManifestEntry>();
    var repositories = new TreeMap<String, Map<String, String>>();
    Set<String> writtenLayers = new HashSet<>();
    for (Map.Entry<Digest, Set<ImageReference>> image : selection.entrySet()) {
      Catalog.Entry entry = catalog.entry(image.getKey()).orElseThrow();
      String configName = image.getKey().hex() + ".json";
      writeFile(tar, configName, readAll(content, image.getKey()));
      var layerNames = new ArrayList<String>();
      for (StoredImage.StoredLayer layer : entry.stored().layers()) {
        String directory = Digest.parse(layer.diffId()).hex();
        layerNames.add(directory + "/layer.tar");
        if (writtenLayers.add(directory)) {
          writeLayer(tar, directory, layer, content);
        }
      }
      var manifestEntry = new ArchiveJson.ManifestEntry();
      manifestEntry.config = configName;
      manifestEntry.layers = layerNames;
      manifestEntry.repoTags =
          image.getValue().isEmpty()
              ? null
              : image.getValue().stream().map(ImageReference::familiarString).toList();
      manifest.add(manifestEntry);
      for (ImageReference tag : image.getValue()) {
        if (!layerNames.isEmpty()) {
          String top = layerNames.get(layerNames.size() - 1);
          repositories
              .computeIfAbsent(tag.familiarName(), name -> new TreeMap<>())
              .put(tag.tag().orElseThrow(), top.substring(0, top.indexOf('/')));
        }
      }
    }
    writeFile(tar, "manifest.json", json(manifest));
    if (!repositories.isEmpty()) {
      writeFile(tar, "repositories", json(repositories));
    }
    tar.finish();
    tar.flush();
  }

  /** Which images to write, each with the tags to write for it. */
  private static Map<Digest, Set<ImageReference>> select(Catalog catalog, List<String> names) {
    Map<Digest, Set<ImageReference>> selection = new LinkedHashMap<>();
    for (String name : names) {
      List<ImageReference> wholeRepository = repositoryTags(catalog, name);
      if (!wholeRepository.isEmpty()) {
        for (ImageReference tag : wholeRepository) {
          Digest id = catalog.references().get(tag.toString());
          selection.computeIfAbsent(id, key -> new LinkedHashSet<>()).add(tag);
        }
        continue;
      }
      Digest id = catalog.resolve(name);
      Set<ImageReference> tags = selection.computeIfAbsent(id, key -> new LinkedHashSet<>());
      try {
        ImageReference reference = ImageReference.parse(name).withDefaultTag();
        if (reference.tag().isPresent()
            && reference.digest().isEmpty()
            && id.equals(catalog.references().get(reference.toString()))) {
          tags.add(reference);
        }
      } catch (EngineFault.InvalidArgument e) {
        // an id: saved without tags, as docker does
      }
    }
    return selection;
  }

  /** For a bare repository name ({@code busybox}): every tag of that repository. */
  private static List<ImageReference> repositoryTags(Catalog catalog, String name) {
    ImageReference reference;
    try {
      reference = ImageReference.parse(name);
    } catch (EngineFault.InvalidArgument e) {
      return List.of();
    }
    if (reference.tag().isPresent() || reference.digest().isPresent()) {
      return List.of();
    }
    return catalog.references().keySet().stream()
        .sorted()
        .map(ImageReference::parse)
        .filter(other -> other.tag().isPresent() && other.name().equals(reference.name()))
        .toList();
  }

  private static void writeLayer(
      TarArchiveOutputStream tar,
      String directory,
      StoredImage.StoredLayer layer,
      ContentStore content)
      throws IOException {
    var directoryEntry = new TarArchiveEntry(directory + "/");
    directoryEntry.setModTime(EPOCH);
    tar.putArchiveEntry(directoryEntry);
    tar.closeArchiveEntry();
    writeFile(tar, directory + "/VERSION", "1.0".getBytes(StandardCharsets.UTF_8));
    writeFile(
        tar,
        directory + "/json",
        ("{\"id\":\"" + directory + "\"}").getBytes(StandardCharsets.UTF_8));
    var entry = new TarArchiveEntry(directory + "/layer.tar");
    entry.setModTime(EPOCH);
    entry.setSize(layer.tarLength());
    tar.putArchiveEntry(entry);
    try (InputStream plain = Decompression.open(content.read(Digest.parse(layer.blob())))) {
      plain.transferTo(tar);
    }
    tar.closeArchiveEntry();
  }

  private static void writeFile(TarArchiveOutputStream tar, String name, byte[] bytes)
      throws IOException {
    var entry = new TarArchiveEntry(name);
    entry.setModTime(EPOCH);
    entry.setSize(bytes.length);
    tar.putArchiveEntry(entry);
    tar.write(bytes);
    tar.closeArchiveEntry();
  }

  private static byte[] readAll(ContentStore content, Digest digest) throws IOException {
    try (InputStream stream = content.read(digest)) {
      return stream.readAllBytes();
    }
  }

  private static byte[] json(Object value) {
    try {
      return ConfigTranslator.JSON.writeValueAsBytes(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("archive JSON always serialises", e);
    }
  }
}
