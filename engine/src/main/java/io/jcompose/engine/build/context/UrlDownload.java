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

  private UrlDownload() {}

  static boolean isUrl(String source) {
    return source.startsWith("http://") || source.startsWith("https://");
  }

  /**
   * @throws EngineFault.InvalidArgument when the URL is malformed or cannot be fetched
   */
  static CopySource.Download fetch(String url, Path scratch) {
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
            .connectTimeout(Duration.ofSeconds(30))
            .build();
    try {
      Path directory = Files.createDirectories(scratch);
      Path file = Files.createTempFile(directory, "add-", ".download");
      HttpResponse<Path> response =
          client.send(
              HttpRequest.newBuilder(uri).GET().build(), HttpResponse.BodyHandlers.ofFile(file));
      if (response.statusCode() / 100 != 2) {
        Files.deleteIfExists(file);
        throw new EngineFault.InvalidArgument(
            "ADD failed: failed to GET " + url + " with status " + response.statusCode());
      }
      Optional<FileTime> modified =
          response.headers().firstValue("Last-Modified").flatMap(UrlDownload::httpDate);
      String name = fileName(uri, response);
      return new CopySource.Download(file, name, modified, SourceDigest.file(file));
    } catch (IOException e) {
      throw new EngineFault.InvalidArgument("ADD failed: cannot download " + url + ": " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new EngineFault.Internal("interrupted while downloading " + url, e);
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
