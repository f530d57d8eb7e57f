package io.jcompose.engine.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** The body of {@code GET /version}, as dockerd's. */
record VersionBody(
    @JsonProperty("Platform") Platform platform,
    @JsonProperty("Components") List<Component> components,
    @JsonProperty("Version") String version,
    @JsonProperty("ApiVersion") String apiVersion,
    @JsonProperty("MinAPIVersion") String minApiVersion,
    @JsonProperty("GitCommit") String gitCommit,
    @JsonProperty("GoVersion") String goVersion,
    @JsonProperty("Os") String os,
    @JsonProperty("Arch") String arch,
    @JsonProperty("KernelVersion") String kernelVersion,
    @JsonProperty("BuildTime") String buildTime) {

  record Platform(@JsonProperty("Name") String name) {}

  record Component(
      @JsonProperty("Name") String name,
      @JsonProperty("Version") String version,
      @JsonProperty("Details") Map<String, String> details) {}

  static VersionBody of(EngineFacts facts) {
    String runtime =
        "java"
            + Runtime.version().version().stream()
                .map(String::valueOf)
                .collect(Collectors.joining("."));
    String api = facts.apiVersions().max().toString();
    String minApi = facts.apiVersions().min().toString();
    HostFacts host = facts.host();
    var details =
        new TreeMap<>(
            Map.of(
                "ApiVersion",
                api,
                "Arch",
                host.platformArch(),
                "BuildTime",
                "",
                "Experimental",
                "false",
                "GitCommit",
                "",
                "GoVersion",
                runtime,
                "KernelVersion",
                host.kernelVersion(),
                "MinAPIVersion",
                minApi,
                "Os",
                "linux"));
    return new VersionBody(
        new Platform("jcompose engine"),
        List.of(new Component("Engine", facts.engineVersion(), details)),
        facts.engineVersion(),
        api,
        minApi,
        "",
        runtime,
        "linux",
        host.platformArch(),
        host.kernelVersion(),
        "");
  }
}
