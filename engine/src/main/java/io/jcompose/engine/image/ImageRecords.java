package io.jcompose.engine.image;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.jcompose.engine.content.ContentStore;
import io.jcompose.engine.digest.Digest;
import io.jcompose.engine.fault.EngineFault;
import io.jcompose.engine.state.RecordStore;
import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** Reads the image records and the reference record back into a {@link Catalog} at start-up. */
final class ImageRecords {

  private ImageRecords() {}

  static String write(StoredImage stored) {
    try {
      return ConfigTranslator.JSON.writeValueAsString(stored);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("an image record always serialises", e);
    }
  }

  static Catalog read(RecordStore imageRecords, RecordStore referenceRecord, ContentStore content) {
    var images = new HashMap<Digest, Catalog.Entry>();
    for (String key : imageRecords.keys()) {
      Optional<String> text = imageRecords.read(key);
      if (text.isEmpty()) {
        continue;
      }
      StoredImage stored;
      try {
        stored = ConfigTranslator.JSON.readValue(text.get(), StoredImage.class);
      } catch (JsonProcessingException e) {
        throw new EngineFault.Internal("image record " + key + " is not readable", e);
      }
      Digest id = stored.imageId();
      if (!content.exists(id)) {
        continue;
      }
      try (InputStream config = content.read(id)) {
        images.put(
            id, new Catalog.Entry(stored, ConfigTranslator.parse(id, config.readAllBytes())));
      } catch (IOException e) {
        throw new EngineFault.Internal("cannot read the config of image " + id, e);
      }
    }
    var references = new HashMap<String, Digest>();
    for (Map.Entry<String, String> reference :
        ImageStore.readReferences(referenceRecord).entrySet()) {
      Digest id = Digest.parse(reference.getValue());
      if (images.containsKey(id)) {
        references.put(ImageReference.parse(reference.getKey()).toString(), id);
      }
    }
    return new Catalog(images, references);
  }
}
