package io.jcompose.engine.container;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.jcompose.engine.http.ApiVersion;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** One entry of {@code GET /containers/json}, typed as dockerd's ({@code Created} in seconds). */
record ListItemBody(
    @JsonProperty("Id") String id,
    @JsonProperty("Names") List<String> names,
    @JsonProperty("Image") String image,
    @JsonProperty("ImageID") String imageId,
    @JsonProperty("Command") String command,
    @JsonProperty("Created") long created,
    @JsonProperty("Ports") List<PortBody> ports,
    @JsonProperty("SizeRw") @JsonInclude(JsonInclude.Include.NON_NULL) Long sizeRw,
    @JsonProperty("SizeRootFs") @JsonInclude(JsonInclude.Include.NON_NULL) Long sizeRootFs,
    @JsonProperty("Labels") Map<String, String> labels,
    @JsonProperty("State") String state,
    @JsonProperty("Status") String status,
    @JsonProperty("HostConfig") HostConfigBody hostConfig,
    @JsonProperty("NetworkSettings") NetworkSettingsBody networkSettings,
    @JsonProperty("Mounts") List<InspectBody.MountBody> mounts) {

  /** A port: published ones with the address and host port, exposed ones without. */
  record PortBody(
      @JsonProperty("IP") @JsonInclude(JsonInclude.Include.NON_NULL) String ip,
      @JsonProperty("PrivatePort") int privatePort,
      @JsonProperty("PublicPort") @JsonInclude(JsonInclude.Include.NON_NULL) Integer publicPort,
      @JsonProperty("Type") String type) {}

  record HostConfigBody(@JsonProperty("NetworkMode") String networkMode) {}

  record NetworkSettingsBody(
      @JsonProperty("Networks") Map<String, InspectBody.EndpointBody> networks) {}

  /**
   * @param imageName what {@code Image} shows: the reference the container was created with while
   *     it still names the same image, else the image id
   */
  static ListItemBody of(ContainerView view, String imageName, Instant now, ApiVersion version) {
    Container container = view.container();
    List<String> commandLine = container.config().commandLine();
    return new ListItemBody(
        container.id(),
        List.of("/" + container.name()),
        imageName,
        container.imageId().toString(),
        listedCommand(commandLine),
        container.created().getEpochSecond(),
        ports(view),
        view.sizeRw().isPresent() ? view.sizeRw().getAsLong() : null,
        view.sizeRootFs().isPresent() ? view.sizeRootFs().getAsLong() : null,
        container.config().labels(),
        container.state().status().apiName(),
        StatusText.of(container.state(), now)
            + (container.isRunning()
                ? view.health().map(health -> StatusText.health(health.status())).orElse("")
                : ""),
        new HostConfigBody(
            container.host().networking().networkMode().isEmpty()
                ? "default"
                : container.host().networking().networkMode()),
        new NetworkSettingsBody(InspectTranslation.networks(view, version, true)),
        InspectTranslation.mounts(container));
  }

  /** The command as dockerd lists it: the arguments that hold a space in single quotes. */
  static String listedCommand(List<String> commandLine) {
    var words = new ArrayList<String>(commandLine.size());
    for (int index = 0; index < commandLine.size(); index++) {
      String word = commandLine.get(index);
      words.add(index > 0 && word.contains(" ") ? "'" + word + "'" : word);
    }
    return String.join(" ", words);
  }

  private static List<PortBody> ports(ContainerView view) {
    Container container = view.container();
    if (!container.isRunning()) {
      return List.of();
    }
    var ports = new java.util.ArrayList<PortBody>();
    var published = new java.util.HashSet<String>();
    for (PortPublishing.Reported reported : PortPublishing.reported(view.published())) {
      published.add(reported.port().text());
      ports.add(
          new PortBody(
              reported.hostIp(),
              reported.port().port(),
              reported.hostPort(),
              reported.port().protocol().apiName()));
    }
    for (String exposed : container.config().exposedPorts()) {
      PortKey key = PortKey.parse(exposed);
      if (!published.contains(key.text())) {
        ports.add(new PortBody(null, key.port(), null, key.protocol().apiName()));
      }
    }
    return ports;
  }
}
