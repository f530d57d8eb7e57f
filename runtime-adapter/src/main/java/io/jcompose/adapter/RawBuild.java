package io.jcompose.adapter;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.dockerjava.api.model.AuthConfigurations;
import com.github.dockerjava.api.model.BuildResponseItem;
import com.github.dockerjava.transport.DockerHttpClient.Response;
import io.jcompose.planner.spi.ImageBuild;
import io.jcompose.planner.spi.ImageProgress;
import io.jcompose.planner.spi.RuntimeFault;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.StringJoiner;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * A {@code POST /build} sent over the transport itself, for what docker-java's build command cannot
 * carry: the {@code x-jcompose-contexts} query parameter of named contexts. The same query and
 * headers as docker-java's, the same progress stream handling ({@link ProgressStream}).
 */
final class RawBuild {

  private static final ObjectMapper JSON =
      new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

  private final RawExchange exchange;

  RawBuild(RawExchange exchange) {
    this.exchange = exchange;
  }

  /**
   * Reads the progress on a thread of its own (as docker-java's callbacks do) so that an interrupt
   * of the caller ends the wait at once: closing the response unblocks the reader.
   */
  private static void readUntilEndOrInterrupt(
      Response response, ProgressStream<BuildResponseItem> stream)
      throws IOException, InterruptedException {
    var failure = new AtomicReference<Throwable>();
    var reader =
        new Thread(
            () -> {
              try {
                MappingIterator<BuildResponseItem> items =
                    JSON.readerFor(BuildResponseItem.class).readValues(response.getBody());
                while (items.hasNextValue()) {
                  stream.onNext(items.nextValue());
                }
              } catch (IOException | RuntimeException readFailure) {
                failure.set(readFailure);
              }
            },
            "jcompose-build-progress");
    reader.setDaemon(true);
    reader.start();
    try {
      reader.join();
    } catch (InterruptedException interrupted) {
      stream.cancel();
      response.close();
      throw interrupted;
    }
    if (failure.get() instanceof IOException readFailure) {
      throw readFailure;
    }
    if (failure.get() instanceof RuntimeException readFailure) {
      throw readFailure;
    }
  }

  /** The query of a build, {@code ?dockerfile=...&t=...&x-jcompose-contexts=...}. */
  static String query(ImageBuild build, String namedContexts) throws IOException {
    var query = new StringJoiner("&", "?", "");
    query.add("dockerfile=" + RawApi.pathSegment(build.dockerfile().replace('\\', '/')));
    build.tags().forEach(tag -> query.add("t=" + RawApi.pathSegment(tag)));
    if (build.noCache()) {
      query.add("nocache=1");
    }
    if (build.pull()) {
      query.add("pull=1");
    }
    query.add("rm=1").add("forcerm=1");
    if (!build.buildArgs().isEmpty()) {
      query.add("buildargs=" + RawApi.pathSegment(JSON.writeValueAsString(build.buildArgs())));
    }
    build.target().ifPresent(target -> query.add("target=" + RawApi.pathSegment(target)));
    if (!build.labels().isEmpty()) {
      query.add("labels=" + RawApi.pathSegment(JSON.writeValueAsString(build.labels())));
    }
    query.add(NamedContexts.QUERY_PARAMETER + "=" + RawApi.pathSegment(namedContexts));
    return query.toString();
  }

  /**
   * Sends the build and reads its progress to the end. A progress stream that breaks off or is not
   * JSON fails as the endpoint being unavailable, as any other exchange with it.
   *
   * @return the stream that read it (its failure, its image ID)
   */
  ProgressStream<BuildResponseItem> send(
      ImageBuild build,
      String namedContexts,
      InputStream context,
      AuthConfigurations auth,
      Consumer<ImageProgress> progress)
      throws InterruptedException {
    String pathAndQuery;
    Map<String, String> headers;
    try {
      pathAndQuery = "/build" + query(build, namedContexts);
      headers = registryConfigHeader(auth);
    } catch (IOException unencodable) {
      throw new RuntimeFault.Internal(
          "cannot encode the build parameters: " + unencodable.getMessage(), unencodable);
    }
    var stream = new ProgressStream<BuildResponseItem>(progress);
    try (Response response = exchange.open("POST", pathAndQuery, Optional.of(context), headers)) {
      readUntilEndOrInterrupt(response, stream);
    } catch (IOException | RuntimeException failure) {
      throw exchange.faults().map(failure);
    }
    return stream;
  }

  private static Map<String, String> registryConfigHeader(AuthConfigurations auth)
      throws IOException {
    if (auth.getConfigs().isEmpty()) {
      return Map.of();
    }
    byte[] json = JSON.writeValueAsString(auth.getConfigs()).getBytes(StandardCharsets.UTF_8);
    return Map.of("X-Registry-Config", Base64.getUrlEncoder().encodeToString(json));
  }
}
