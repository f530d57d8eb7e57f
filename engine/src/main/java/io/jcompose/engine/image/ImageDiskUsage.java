package io.jcompose.engine.image;

import io.jcompose.engine.digest.Digest;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToLongFunction;

/**
 * The images part of {@code GET /system/df}: each image as {@code /images/json} lists it, with the
 * number of containers made from it and the bytes of its layers that other images share.
 */
public final class ImageDiskUsage {

  private ImageDiskUsage() {}

  /**
   * @param layerSize bytes of a layer, by diff_id (0 for one that is not unpacked)
   * @return wire items for {@code Images}
   */
  public static List<Object> items(
      ImageStore images, ImageUsers users, ToLongFunction<Digest> layerSize) {
    List<Image> all = images.list(ImageFilter.ALL, true);
    Map<Digest, Integer> imagesPerLayer = new HashMap<>();
    for (Image image : all) {
      image.diffIds().stream()
          .distinct()
          .forEach(layer -> imagesPerLayer.merge(layer, 1, Integer::sum));
    }
    return all.stream()
        .map(
            image -> {
              long shared =
                  image.diffIds().stream()
                      .distinct()
                      .filter(layer -> imagesPerLayer.getOrDefault(layer, 0) > 1)
                      .mapToLong(layerSize)
                      .sum();
              ImageBodies.ListItem item = ImageBodies.listItem(image, false);
              return (Object)
                  new ImageBodies.ListItem(
                      users.usersOf(image.id()).size(),
                      item.created(),
                      item.id(),
                      item.labels(),
                      item.parentId(),
                      item.repoDigests(),
                      item.repoTags(),
                      shared,
                      item.size(),
                      item.size());
            })
        .toList();
  }
}
