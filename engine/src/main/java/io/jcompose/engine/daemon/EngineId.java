package io.jcompose.engine.daemon;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.UUID;

/** The engine's stable ID ({@code ID} in {@code /info}), kept in {@code <data-root>/engine-id}. */
final class EngineId {

  private EngineId() {}

  static String loadOrCreate(Path dataRoot) {
    Path file = dataRoot.resolve("engine-id");
    try {
      if (Files.exists(file)) {
        return Files.readString(file, StandardCharsets.UTF_8).strip();
      }
      String id = UUID.randomUUID().toString();
      try {
        Files.writeString(file, id + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW);
        return id;
      } catch (FileAlreadyExistsException e) {
        return Files.readString(file, StandardCharsets.UTF_8).strip();
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read or write the engine ID in " + file, e);
    }
  }
}
