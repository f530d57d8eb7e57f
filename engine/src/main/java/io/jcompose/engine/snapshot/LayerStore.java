package io.jcompose.engine.snapshot;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jcompose.engine.digest.Digest;
import io.jcompose.engine.fault.EngineFault;
import io.jcompose.engine.host.DirectoryTree;
import io.jcompose.engine.layer.LayerUnpacker;
import io.jcompose.engine.layer.UnpackedLayer;
import io.jcompose.engine.state.RecordStore;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;

/**
 * The unpacked layers: {@code <snapshots>/<n>/diff}, a short link {@code <snapshots>/l/<name>} to
 * each, and a record per diff_id. A layer directory becomes a layer only once its record is
 * written; directories and links a crash left without one are removed at open.
 */
final class LayerStore {

  static final String EMPTY_LOWER = "empty";

  private static final Pattern LAYER_NUMBER = Pattern.compile("[0-9]{1,18}");
  private static final char[] LINK_ALPHABET = "abcdefghijklmnopqrstuvwxyz234567".toCharArray();
  private static final int LINK_LENGTH = 10;

  private final Path snapshots;
  private final Path links;
  private final RecordStore records;
  private final ObjectMapper json = new ObjectMapper();
  private final SecureRandom random = new SecureRandom();
  private final AtomicLong nextNumber = new AtomicLong(1);
  private final Map<Digest, StoredLayer> layers = new HashMap<>();

  /** What is kept of a layer: where it is and what it holds. */
  record StoredLayer(String diffId, long number, String link, long size, long tarLength) {}

  LayerStore(Path snapshots, Path links) {
    this.snapshots = snapshots;
    this.links = links;
    this.records = new RecordStore(snapshots.resolve("layers"));
  }

  /** Reads the records and removes what a crash left half made. */
  void open() throws IOException {
    Files.createDirectories(links.resolve(EMPTY_LOWER));
    long highest = 0;
    for (String key : records.keys()) {
      Optional<String> text = records.read(key);
      if (text.isEmpty()) {
        continue;
      }
      StoredLayer stored = json.readValue(text.get(), StoredLayer.class);
      if (Files.isDirectory(diffDirectory(stored.number()))) {
        layers.put(Digest.parse(stored.diffId()), stored);
        highest = Math.max(highest, stored.number());
      } else {
        records.delete(key);
      }
    }
    nextNumber.set(highest + 1);
    removeLeftovers();
  }

  synchronized Optional<Layer> layer(Digest diffId) {
    return Optional.ofNullable(layers.get(diffId)).map(this::toLayer);
  }

  synchronized List<Layer> layers() {
    return layers.values().stream().map(this::toLayer).toList();
  }

  /** The name of a layer's link in the {@code l} directory. */
  synchronized Optional<String> link(Digest diffId) {
    return Optional.ofNullable(layers.get(diffId)).map(StoredLayer::link);
  }

  Layer unpack(InputStream layerStream, Optional<Digest> expectedDiffId) {
    long number = nextNumber.getAndIncrement();
    Path layerDirectory = snapshots.resolve(Long.toString(number));
    UnpackedLayer unpacked;
    try {
      unpacked = LayerUnpacker.unpack(layerStream, diffDirectory(number), expectedDiffId);
    } catch (RuntimeException e) {
      deleteQuietly(layerDirectory);
      throw e;
    }
    synchronized (this) {
      StoredLayer existing = layers.get(unpacked.diffId());
      if (existing != null) {
        deleteQuietly(layerDirectory);
        return toLayer(existing);
      }
      var stored =
          new StoredLayer(
              unpacked.diffId().toString(),
              number,
              newLinkName(),
              unpacked.size(),
              unpacked.tarLength());
      try {
        Files.createSymbolicLink(
            links.resolve(stored.link()), Path.of("..", Long.toString(number), "diff"));
      } catch (IOException e) {
        deleteQuietly(layerDirectory);
        throw new EngineFault.Internal("cannot link layer " + unpacked.diffId(), e);
      }
      records.write(unpacked.diffId().hex(), write(stored));
      layers.put(unpacked.diffId(), stored);
      return toLayer(stored);
    }
  }

  /** Removes every layer not in {@code keep}; returns the removed diff_ids. */
  synchronized List<Digest> removeAllBut(Set<Digest> keep) {
    var removed = new java.util.ArrayList<Digest>();
    for (StoredLayer stored : List.copyOf(layers.values())) {
      Digest diffId = Digest.parse(stored.diffId());
      if (keep.contains(diffId)) {
        continue;
      }
      records.delete(diffId.hex());
      layers.remove(diffId);
      try {
        Files.deleteIfExists(links.resolve(stored.link()));
        DirectoryTree.delete(snapshots.resolve(Long.toString(stored.number())));
      } catch (IOException e) {
        throw new EngineFault.Internal("cannot remove layer " + diffId, e);
      }
      removed.add(diffId);
    }
    return removed;
  }

  private void removeLeftovers() throws IOException {
    Set<String> recordedNumbers = new HashSet<>();
    Set<String> recordedLinks = new HashSet<>(List.of(EMPTY_LOWER));
    for (StoredLayer stored : layers.values()) {
      recordedNumbers.add(Long.toString(stored.number()));
      recordedLinks.add(stored.link());
    }
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(snapshots)) {
      for (Path entry : entries) {
        String name = entry.getFileName().toString();
        if (LAYER_NUMBER.matcher(name).matches()) {
          if (!recordedNumbers.contains(name)) {
            DirectoryTree.delete(entry);
          } else {
            nextNumber.set(Math.max(nextNumber.get(), Long.parseLong(name) + 1));
          }
        }
      }
    }
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(links)) {
      for (Path entry : entries) {
        if (!recordedLinks.contains(entry.getFileName().toString())) {
          DirectoryTree.delete(entry);
        }
      }
    }
  }

  private Path diffDirectory(long number) {
    return snapshots.resolve(Long.toString(number)).resolve("diff");
  }

  private Layer toLayer(StoredLayer stored) {
    return new Layer(
        Digest.parse(stored.diffId()),
        diffDirectory(stored.number()),
        stored.size(),
        stored.tarLength());
  }

  private String newLinkName() {
    while (true) {
      var name = new StringBuilder(LINK_LENGTH);
      for (int i = 0; i < LINK_LENGTH; i++) {
        name.append(LINK_ALPHABET[random.nextInt(LINK_ALPHABET.length)]);
      }
      if (!Files.exists(links.resolve(name.toString()), LinkOption.NOFOLLOW_LINKS)) {
        return name.toString();
      }
    }
  }

  private String write(StoredLayer stored) {
    try {
      return json.writeValueAsString(stored);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a layer record always serialises", e);
    }
  }

  private static void deleteQuietly(Path directory) {
    try {
      DirectoryTree.delete(directory);
    } catch (IOException e) {
      // removed by the next open's leftover clean-up
    }
  }
}
