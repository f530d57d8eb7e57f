package io.jcompose.engine.image;

import io.jcompose.engine.digest.Digest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Layer chain ids, as docker names a layer together with everything below it: the first layer's
 * chain id is its diff_id, each next one is {@code sha256("<chain id below> <diff_id>")}.
 */
final class ChainIds {

  private ChainIds() {}

  static List<Digest> of(List<Digest> diffIdsBottomFirst) {
    var chainIds = new ArrayList<Digest>();
    Digest below = null;
    for (Digest diffId : diffIdsBottomFirst) {
      below =
          below == null
              ? diffId
              : Digest.of((below + " " + diffId).getBytes(StandardCharsets.UTF_8));
      chainIds.add(below);
    }
    return chainIds;
  }
}
