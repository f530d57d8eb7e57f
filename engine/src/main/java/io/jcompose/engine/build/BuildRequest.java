package io.jcompose.engine.build;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jcompose.engine.fault.EngineFault;
import io.jcompose.engine.http.QueryParameters;
import java.io.IOException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What a {@code POST /build} asks for, from its query and headers. {@code rm} and {@code forcerm}
 * are not read: a step's container is always removed, whether the step succeeded or not.
 *
 * @param tags the {@code t} parameters, in order
 * @param dockerfile the Dockerfile's path in the context; empty for {@code Dockerfile}
 * @param buildArgs {@code --build-arg} values (those sent without a value are left out)
 * @param labels {@code --label}s set on the final image
 * @param target the stage to build; empty for the last
 * @param quiet only the image id is written ({@code q})
 * @param networkMode the network of RUN containers; empty for the default bridge
 * @param extraHosts {@code name:address} lines for the RUN containers' /etc/hosts ({@code
 *     --add-host}; the parameter is repeated or comma-separated)
 * @param registryConfig the {@code X-Registry-Config} header: base64 JSON, registry to credentials
 * @param namedContexts the raw {@code x-jcompose-contexts} parameter, or null
 */
record BuildRequest(
    List<String> tags,
    String dockerfile,
    Map<String, String> buildArgs,
    Map<String, String> labels,
    String target,
    boolean noCache,
    boolean pull,
    boolean quiet,
    String platform,
    String networkMode,
    List<String> extraHosts,
    Optional<String> registryConfig,
    String namedContexts) {

  private static final ObjectMapper JSON = new ObjectMapper();

  BuildRequest {
    tags = List.copyOf(tags);
    Objects.requireNonNull(dockerfile, "dockerfile");
    buildArgs = Map.copyOf(buildArgs);
    labels = Map.copyOf(labels);
    Objects.requireNonNull(target, "target");
    Objects.requireNonNull(platform, "platform");
    Objects.requireNonNull(networkMode, "networkMode");
    extraHosts = List.copyOf(extraHosts);
    Objects.requireNonNull(registryConfig, "registryConfig");
  }

  /**
   * @throws EngineFault.InvalidArgument for {@code buildargs} or {@code labels} that are not JSON
   *     objects of strings
   */
  static BuildRequest of(QueryParameters query, Optional<String> registryConfig) {
    return new BuildRequest(
        query.all("t").stream().filter(tag -> !tag.isEmpty()).toList(),
        query.get("dockerfile").orElse(""),
        stringMap(query, "buildargs"),
        stringMap(query, "labels"),
        query.get("target").orElse(""),
        query.bool("nocache"),
        query.bool("pull"),
        query.bool("q"),
        query.get("platform").orElse(""),
        query.get("networkmode").filter(mode -> !mode.equals("default")).orElse(""),
        query.all("extrahosts").stream()
            .flatMap(value -> Arrays.stream(value.split(",")))
            .map(String::strip)
            .filter(host -> !host.isEmpty())
            .toList(),
        registryConfig.filter(header -> !header.isBlank()),
        query.get("x-jcompose-contexts").filter(value -> !value.isEmpty()).orElse(null));
  }

  private static Map<String, String> stringMap(QueryParameters query, String name) {
    Optional<String> text = query.get(name).filter(value -> !value.isBlank());
    if (text.isEmpty()) {
      return Map.of();
    }
    Map<String, String> parsed;
    try {
      parsed = JSON.readValue(text.get(), new TypeReference<Map<String, String>>() {});
    } catch (IOException e) {
      throw new EngineFault.InvalidArgument(
          "the " + name + " parameter must be a JSON object of strings: " + text.get());
    }
    var values = new LinkedHashMap<String, String>();
    if (parsed != null) {
      parsed.forEach(
          (key, value) -> {
            if (value != null) {
              values.put(key, value);
            }
          });
    }
    return values;
  }
}
