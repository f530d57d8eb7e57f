package io.jcompose.engine.build.context;

import io.jcompose.engine.fault.EngineFault;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * ADD of an {@code http://} or {@code https://} URL: the file is downloaded under the build's
 * scratch directory (redirects followed), named after the URL's last path component (else the
 * server's {@code Content-Disposition} file name), with the server's {@code Last-Modified} time. It
 * is never extracted, whatever it holds.
 */
final class UrlDownload {

  private static final Pattern DISPOSITION_NAME =
      Pattern.compile("filename\\s*=\\s*\"?([^\";]+)\"?", Pattern.CASE_INSENSITIVE);

  /** How long the server may take to answer with the response's headers. */
  static final Duration HEADERS_TIMEOUT = Duration.ofMinutes(1);

  /** How long a whole download may take. */
  static final Duration DOWNLOAD_LIMIT = Duration.ofMinutes(10);

  private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(30);

  private UrlDownload() {}

  static boolean isUrl(String source) {
    return source.startsWith("http://") || source.startsWith("https://");
  }

  /**
   * @throws EngineFault.InvalidArgument when the URL is malformed, cannot be fetched, or its
   *     download takes longer than {@link #DOWNLOAD_LIMIT}
   * @throws EngineFault.Internal when the thread is interrupted (the download is cancelled)
   */
  static CopySource.Download fetch(String url, Path scratch) {
    return fetch(url, scratch, DOWNLOAD_LIMIT);
  }

  /** As {@link #fetch(String, Path)}, the whole download limited to {@code limit}. */
  static CopySource.Download fetch(String url, Path scratch, Duration limit) {
    URI uri;
    try {
      uri = new URI(url);
    } catch (URISyntaxException e) {
      throw new EngineFault.InvalidArgument(
          "ADD failed: invalid URL " + url + ": " + e.getReason());
    }
    HttpClient client =
        HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NORMAL)
            .connectTimeout(CONNECT_TIMEOUT)
            .build();
    Path file = null;
    try {
      Path directory = Files.createDirectories(scratch);
      file = Files.createTempFile(directory, "add-", ".download");
      HttpResponse<Path> response = download(client, uri, file, limit, url);
      if (response.statusCode() / 100 != 2) {
        throw new EngineFault.InvalidArgument(
            "ADD failed: failed to GET " + url + " with status " + response.statusCode());
      }
      Optional<FileTime> modified =
          response.headers().firstValue("Last-Modified").flatMap(UrlDownload::httpDate);
      String name = fileName(uri, response);
      var download = new CopySource.Download(file, name, modified, SourceDigest.file(file));
      file = null;
      return download;
    } catch (IOException e) {
      throw new EngineFault.InvalidArgument("ADD failed: cannot download " + url + ": " + e, e);
    } finally {
      deleteLeftOver(file);
    }
  }

  /**
   * Sends the request and waits for the body in {@code file}: the response's headers within {@link
   * #HEADERS_TIMEOUT}, the whole within {@code limit}; a timeout or an interrupt cancels the
   * exchange.
   */
  private static HttpResponse<Path> download(
      HttpClient client, URI uri, Path file, Duration limit, String url) throws IOException {
    HttpRequest request = HttpRequest.newBuilder(uri).timeout(HEADERS_TIMEOUT).GET().build();
    CompletableFuture<HttpResponse<Path>> pending =
        client.sendAsync(request, HttpResponse.BodyHandlers.ofFile(file));
    try {
      return pending.get(limit.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      pending.cancel(true);
      throw new EngineFault.InvalidArgument(
          "ADD failed: downloading " + url + " took longer than " + limit);
    } catch (InterruptedException e) {
      pending.cancel(true);
      Thread.currentThread().interrupt();
      throw new EngineFault.Internal("interrupted while downloading " + url, e);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      throw cause instanceof IOException io ? io : new IOException(cause);
    }
  }

  private static void deleteLeftOver(Path file) {
    if (file != null) {
      try {
        Files.deleteIfExists(file);
      } catch (IOException e) {
        // the build's scratch directory is deleted after the build, and this file with it
      }
    }
  }

  /**
   * The URL's last path component, else the {@code Content-Disposition} file name's last component,
   * else empty (as dockerd guesses it); a {@code .} or {@code ..} (also spelled {@code %2e%2e})
   * names no file and counts as none.
   */
  private static String fileName(URI uri, HttpResponse<?> response) {
    String path = uri.getPath() == null ? "" : uri.getPath();
    if (!path.isEmpty() && !path.endsWith("/")) {
      String name = lastComponent(path);
      if (CopyWriter.isFileName(name)) {
        return name;
      }
    }
    Optional<String> disposition = response.headers().firstValue("Content-Disposition");
    if (disposition.isPresent()) {
      Matcher matcher = DISPOSITION_NAME.matcher(disposition.get());
      if (matcher.find() && !matcher.group(1).endsWith("/")) {
        String name = lastComponent(matcher.group(1));
        if (CopyWriter.isFileName(name)) {
          return name;
        }
      }
    }
    return "";
  }

  private static String lastComponent(String path) {
    return path.substring(path.lastIndexOf('/') + 1);
  }

  private static Optional<FileTime> httpDate(String value) {
    try {
      return Optional.of(
          FileTime.from(
              ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant()));
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }
}
