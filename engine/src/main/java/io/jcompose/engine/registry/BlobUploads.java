package io.jcompose.engine.registry;

import io.jcompose.engine.digest.Digest;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.function.LongConsumer;
import java.util.function.Supplier;

/**
 * The OCI distribution calls of a push: {@code HEAD} a blob to skip what the registry has, upload
 * one ({@code POST /blobs/uploads/}, then {@code PUT <location>?digest=} with the whole blob), and
 * {@code PUT} a manifest under a tag.
 */
final class BlobUploads {

  private final RegistryTransport transport;

  BlobUploads(RegistryTransport transport) {
    this.transport = transport;
  }

  /** Whether the repository has the blob. */
  boolean exists(Descriptor blob) throws InterruptedException {
    HttpResponse<InputStream> response =
        transport.send(
            "HEAD",
            transport.uri("blobs/" + blob.digest()),
            Map.of(),
            HttpRequest.BodyPublishers::noBody);
    int status = response.statusCode();
    // a registry whose blobs live in object storage answers with a redirect to them
    if (status == 200 || (status >= 300 && status < 400 && status != 304)) {
      RegistryTransport.close(response);
      return true;
    }
    if (status == 404) {
      RegistryTransport.close(response);
      return false;
    }
    throw RegistryErrors.of(response, "blob");
  }

  /**
   * Uploads a blob in one request; {@code progress} is told how many bytes were sent.
   *
   * @param source opened anew when the request is sent again after an authentication challenge
   */
  void upload(Descriptor blob, Supplier<InputStream> source, LongConsumer progress)
      throws InterruptedException {
    HttpResponse<InputStream> started =
        transport.send(
            "POST", transport.uri("blobs/uploads/"), Map.of(), HttpRequest.BodyPublishers::noBody);
    if (started.statusCode() != 202) {
      throw RegistryErrors.of(started, "blob upload");
    }
    String location =
        started
            .headers()
            .firstValue("Location")
            .orElseThrow(
                () ->
                    new RegistryException.Refused(
                        "the registry started an upload without saying where (no Location)"));
    RegistryTransport.close(started);
    URI upload = transport.location(location);
    String query = upload.getRawQuery();
    URI finish =
        URI.create(
            upload
                + (query == null || query.isEmpty() ? "?" : "&")
                + "digest="
                + blob.digest().toString().replace(":", "%3A"));
    HttpResponse<InputStream> finished =
        transport.send(
            "PUT",
            finish,
            Map.of("Content-Type", "application/octet-stream"),
            () ->
                HttpRequest.BodyPublishers.fromPublisher(
                    HttpRequest.BodyPublishers.ofInputStream(
                        () -> new Counting(source.get(), progress)),
                    blob.size()));
    if (finished.statusCode() != 201) {
      throw RegistryErrors.of(finished, "blob upload");
    }
    RegistryTransport.close(finished);
  }

  /**
   * Puts a manifest under a tag.
   *
   * @return its digest
   */
  Digest putManifest(String tag, PushedManifest manifest) throws InterruptedException {
    HttpResponse<InputStream> response =
        transport.send(
            "PUT",
            transport.uri("manifests/" + tag),
            Map.of("Content-Type", manifest.mediaType()),
            () -> HttpRequest.BodyPublishers.ofByteArray(manifest.body()));
    if (response.statusCode() != 201) {
      throw RegistryErrors.of(response, "manifest");
    }
    RegistryTransport.close(response);
    return Digest.of(manifest.body());
  }

  /** Counts the bytes read from a blob for the progress. */
  private static final class Counting extends FilterInputStream {
    private final LongConsumer progress;
    private long count;

    Counting(InputStream in, LongConsumer progress) {
      super(in);
      this.progress = progress;
    }

    @Override
    public int read() throws IOException {
      int value = super.read();
      if (value >= 0) {
        progress.accept(++count);
      }
      return value;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
      int read = super.read(buffer, offset, length);
      if (read > 0) {
        count += read;
        progress.accept(count);
      }
      return read;
    }
  }
}
