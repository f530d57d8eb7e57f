package io.jcompose.model.bind;

import static io.jcompose.model.bind.NodeReader.bool;
import static io.jcompose.model.bind.NodeReader.bytes;
import static io.jcompose.model.bind.NodeReader.decimal;
import static io.jcompose.model.bind.NodeReader.duration;
import static io.jcompose.model.bind.NodeReader.integer;
import static io.jcompose.model.bind.NodeReader.items;
import static io.jcompose.model.bind.NodeReader.map;
import static io.jcompose.model.bind.NodeReader.string;
import static io.jcompose.model.bind.NodeReader.stringMap;
import static io.jcompose.model.bind.NodeReader.strings;

import io.jcompose.model.hash.ConfigHash;
import io.jcompose.model.project.Dependency;
import io.jcompose.model.project.Deploy;
import io.jcompose.model.project.EnvFile;
import io.jcompose.model.project.FileMount;
import io.jcompose.model.project.Healthcheck;
import io.jcompose.model.project.Logging;
import io.jcompose.model.project.Service;
import io.jcompose.model.project.ServiceNetwork;
import io.jcompose.model.readiness.ReadinessExtension;
import io.jcompose.schema.node.MapNode;
import io.jcompose.schema.node.Node;
import io.jcompose.schema.node.ScalarNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Binds one canonical service mapping to a {@link Service}. */
final class ServiceBinder {

  private static final Set<String> KNOWN =
      Set.of(
          "image",
          "build",
          "command",
          "entrypoint",
          "environment",
          "env_file",
          "user",
          "working_dir",
          "tty",
          "stdin_open",
          "init",
          "stop_signal",
          "stop_grace_period",
          "ports",
          "expose",
          "networks",
          "network_mode",
          "hostname",
          "extra_hosts",
          "volumes",
          "tmpfs",
          "secrets",
          "configs",
          "depends_on",
          "healthcheck",
          "deploy",
          "profiles",
          "restart",
          "pull_policy",
          "scale",
          "attach",
          "privileged",
          "read_only",
          "cap_add",
          "cap_drop",
          "platform",
          "mem_limit",
          "cpus",
          "shm_size",
          "labels",
          "container_name",
          "logging");

  private ServiceBinder() {}

  /**
   * @throws IllegalArgumentException when a record rejects a value (e.g. container_name with scale
   *     above 1)
   */
  static Service bind(String name, MapNode service) {
    return new Service(
        name,
        string(service, "image"),
        map(service, "build").map(BuildBinder::bind),
        process(service),
        networking(service),
        storage(service),
        lifecycle(service),
        runtime(service),
        stringMap(service, "labels"),
        string(service, "container_name"),
        map(service, "logging").map(l -> new Logging(string(l, "driver"), stringMap(l, "options"))),
        NodeReader.extensions(service),
        NodeReader.others(service, KNOWN),
        ConfigHash.digest(service));
  }

  private static Service.Process process(MapNode service) {
    var envFiles = new ArrayList<EnvFile>();
    for (Node item : items(service, "env_file")) {
      if (item instanceof MapNode file && file.text("path").isPresent()) {
        envFiles.add(
            new EnvFile(
                file.text("path").get(), bool(file, "required", true), string(file, "format")));
      }
    }
    return new Service.Process(
        NodeReader.command(service, "command"),
        NodeReader.command(service, "entrypoint"),
        stringMap(service, "environment"),
        envFiles,
        string(service, "user"),
        string(service, "working_dir"),
        bool(service, "tty", false),
        bool(service, "stdin_open", false),
        bool(service, "init", false),
        string(service, "stop_signal"),
        duration(service, "stop_grace_period"));
  }

  private static Service.Networking networking(MapNode service) {
    var networks = new LinkedHashMap<String, ServiceNetwork>();
    if (service.get("networks") instanceof MapNode map) {
      map.entries()
          .forEach(
              (network, value) ->
                  networks.put(
                      network,
                      value instanceof MapNode options
                          ? new ServiceNetwork(
                              strings(options, "aliases"),
                              string(options, "ipv4_address"),
                              string(options, "ipv6_address"),
                              integer(options, "priority").orElse(0))
                          : ServiceNetwork.DEFAULT));
    }
    var extraHosts = new LinkedHashMap<String, List<String>>();
    map(service, "extra_hosts")
        .ifPresent(
            hosts -> hosts.entries().keySet().forEach(h -> extraHosts.put(h, strings(hosts, h))));
    return new Service.Networking(
        MountBinder.ports(items(service, "ports")),
        strings(service, "expose"),
        networks,
        string(service, "network_mode"),
        string(service, "hostname"),
        extraHosts);
  }

  private static Service.Storage storage(MapNode service) {
    return new Service.Storage(
        MountBinder.volumes(items(service, "volumes")),
        strings(service, "tmpfs"),
        fileMounts(items(service, "secrets")),
        fileMounts(items(service, "configs")));
  }

  private static List<FileMount> fileMounts(List<Node> items) {
    var mounts = new ArrayList<FileMount>();
    for (Node item : items) {
      if (item instanceof MapNode mount && mount.text("source").isPresent()) {
        mounts.add(
            new FileMount(
                mount.text("source").get(),
                string(mount, "target"),
                string(mount, "uid"),
                string(mount, "gid"),
                string(mount, "mode").flatMap(ServiceBinder::fileMode)));
      }
    }
    return mounts;
  }

  private static Optional<Integer> fileMode(String text) {
    try {
      return Optional.of(text.startsWith("0") ? Integer.parseInt(text, 8) : Integer.parseInt(text));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  private static Service.Lifecycle lifecycle(MapNode service) {
    var dependsOn = new LinkedHashMap<String, Dependency>();
    if (service.get("depends_on") instanceof MapNode map) {
      for (var entry : map.entries().entrySet()) {
        Node value = entry.getValue();
        MapNode options = value instanceof MapNode m ? m : MapNode.empty(value.position());
        dependsOn.put(
            entry.getKey(),
            new Dependency(
                Dependency.Condition.parse(string(options, "condition").orElse("service_started")),
                bool(options, "required", true),
                bool(options, "restart", false),
                ReadinessExtension.dependency(options)));
      }
    }
    Optional<Deploy> deploy =
        service.get("deploy") instanceof MapNode map
            ? Optional.ofNullable(DeployBinder.bind(map))
            : Optional.empty();
    Optional<Integer> explicitScale = integer(service, "scale");
    int scale;
    if (explicitScale.isPresent()) {
      scale = explicitScale.get();
    } else if (deploy.isPresent() && deploy.get().replicas().isPresent()) {
      scale = deploy.get().replicas().get();
    } else {
      scale = 1;
    }
    Optional<Healthcheck> healthcheck =
        service.get("healthcheck") instanceof MapNode map
            ? Optional.ofNullable(healthcheck(map))
            : Optional.empty();
    return new Service.Lifecycle(
        dependsOn,
        healthcheck,
        deploy,
        strings(service, "profiles"),
        string(service, "restart"),
        string(service, "pull_policy"),
        scale,
        bool(service, "attach", true),
        ReadinessExtension.service(service));
  }

  private static Healthcheck healthcheck(MapNode healthcheck) {
    List<String> test = strings(healthcheck, "test");
    if (healthcheck.get("test") instanceof ScalarNode && !test.isEmpty()) {
      test = List.of("CMD-SHELL", test.get(0));
    }
    if (bool(healthcheck, "disable", false)) {
      test = List.of("NONE");
    }
    return new Healthcheck(
        test,
        duration(healthcheck, "interval"),
        duration(healthcheck, "timeout"),
        duration(healthcheck, "start_period"),
        duration(healthcheck, "start_interval"),
        integer(healthcheck, "retries"));
  }

  private static Service.Runtime runtime(MapNode service) {
    return new Service.Runtime(
        bool(service, "privileged", false),
        bool(service, "read_only", false),
        strings(service, "cap_add"),
        strings(service, "cap_drop"),
        string(service, "platform"),
        bytes(service, "mem_limit"),
        decimal(service, "cpus"),
        bytes(service, "shm_size"));
  }
}
