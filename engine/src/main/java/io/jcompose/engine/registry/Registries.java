package io.jcompose.engine.registry;

import io.jcompose.engine.image.ImagePulls;
import io.jcompose.engine.image.ImagePushes;
import io.jcompose.engine.image.ImageStore;
import java.nio.file.Path;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * The engine's registry client: pulls and pushes with the engine's registry settings, their blob
 * transfers on one pool of threads this object owns (idle threads end after a minute, so an idle
 * engine holds none) and stops on {@link #close}.
 */
public final class Registries implements AutoCloseable {

  /** Transfer threads shared by every pull and push. */
  private static final int TRANSFER_THREADS = 6;

  private final ImageStore images;
  private final RegistryConnector connector;
  private final CompressedLayers compressed;
  private final ThreadPoolExecutor transfers;

  /**
   * @param directory where pushes keep what they remember ({@code <data-root>/registry})
   * @param threads makes the transfer threads
   */
  public Registries(
      ImageStore images, RegistrySettings settings, Path directory, ThreadFactory threads) {
    this.images = images;
    this.connector = new RegistryConnector(settings);
    this.compressed = new CompressedLayers(directory);
    this.transfers =
        new ThreadPoolExecutor(
            TRANSFER_THREADS,
            TRANSFER_THREADS,
            60,
            TimeUnit.SECONDS,
            new LinkedBlockingQueue<>(),
            threads);
    this.transfers.allowCoreThreadTimeOut(true);
  }

  public RegistrySettings settings() {
    return connector.settings();
  }

  /** {@code POST /images/create?fromImage=}. */
  public ImagePulls pulls() {
    return new RegistryPuller(images, connector, transfers);
  }

  /** {@code POST /images/{name}/push}. */
  public ImagePushes pushes() {
    return new RegistryPusher(images, connector, compressed, transfers);
  }

  /** Stops the transfers in progress (their pulls and pushes fail) and the threads. */
  @Override
  public void close() {
    transfers.shutdownNow();
    try {
      transfers.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
