package io.jcompose.engine.registry;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.net.http.HttpResponse;
import java.util.function.LongConsumer;

/**
 * A blob's bytes from a registry, resuming a broken connection where it broke ({@code Range:
 * bytes=N-}) up to {@link #RETRIES} times before giving up with an error naming the blob. Tells
 * {@code progress} how many bytes arrived so far.
 */
final class ResumingBlobStream extends InputStream {

  static final int RETRIES = 3;

  private final RegistryTransport transport;
  private final Descriptor blob;
  private final LongConsumer progress;
  private InputStream current;
  private long position;
  private int retries;

  private ResumingBlobStream(
      RegistryTransport transport, Descriptor blob, LongConsumer progress, InputStream first) {
    this.transport = transport;
    this.blob = blob;
    this.progress = progress;
    this.current = first;
  }

  /**
   * @throws RegistryException.Unknown when the registry has no such blob
   */
  static ResumingBlobStream open(
      RegistryTransport transport, Descriptor blob, LongConsumer progress)
      throws InterruptedException {
    return new ResumingBlobStream(transport, blob, progress, request(transport, blob, 0));
  }

  @Override
  public int read() throws IOException {
    byte[] one = new byte[1];
    int count = read(one, 0, 1);
    return count < 0 ? -1 : one[0] & 0xff;
  }

  @Override
  public int read(byte[] buffer, int offset, int length) throws IOException {
    while (true) {
      try {
        int count = current.read(buffer, offset, length);
        if (count > 0) {
          position += count;
          progress.accept(position);
        }
        return count;
      } catch (InterruptedIOException e) {
        throw e;
      } catch (IOException e) {
        resume(e);
      }
    }
  }

  private void resume(IOException broken) throws IOException {
    close();
    if (retries >= RETRIES) {
      throw new IOException(
          "the connection broke after "
              + RETRIES
              + " resumed attempts: "
              + RegistryTransport.describe(broken),
          broken);
    }
    retries++;
    try {
      current = request(transport, blob, position);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted while resuming " + blob.digest());
    } catch (RegistryException e) {
      throw new IOException(e.getMessage(), e);
    }
  }

  private static InputStream request(RegistryTransport transport, Descriptor blob, long from)
      throws InterruptedException {
    HttpResponse<InputStream> response =
        transport.get("blobs/" + blob.digest(), java.util.List.of(), from);
    int status = response.statusCode();
    if (status == 206 || status == 200 && from == 0) {
      return response.body();
    }
    if (status == 200) {
      InputStream body = response.body();
      try {
        body.skipNBytes(from);
      } catch (IOException e) {
        RegistryTransport.close(response);
        throw new RegistryException.Unreachable(
            "resuming " + blob.digest() + ": " + RegistryTransport.describe(e), e);
      }
      return body;
    }
    throw RegistryErrors.of(response, "blob");
  }

  @Override
  public void close() throws IOException {
    current.close();
  }
}
