package io.jcompose.engine.image;

/**
 * One line of what removing an image did, in the order dockerd reports them ({@code
 * [{"Untagged":"busybox:latest"},{"Deleted":"sha256:..."}]}).
 */
public sealed interface RemovedImage {

  /** A reference that no longer points at the image, as docker prints it. */
  record Untagged(String reference) implements RemovedImage {}

  /** An image id, or the chain id of a layer, that is gone. */
  record Deleted(String id) implements RemovedImage {}
}
