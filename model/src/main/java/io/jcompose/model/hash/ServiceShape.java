package io.jcompose.model.hash;

import io.jcompose.model.hash.Shape.GoMap;
import io.jcompose.model.hash.Shape.ListOf;
import io.jcompose.model.hash.Shape.Struct;
import java.util.List;
import java.util.Map;

/**
 * The json field order of compose-go's {@code types.ServiceConfig} and of the nested structs that
 * matter most for the hash (ports, volumes, healthcheck, deploy, logging, networks, secrets).
 * Nested structs not listed here are written with sorted keys.
 */
final class ServiceShape {

  private static final Struct PORT =
      new Struct(
          List.of("name", "mode", "host_ip", "target", "published", "protocol", "app_protocol"),
          Map.of());

  private static final Struct VOLUME =
      new Struct(
          List.of(
              "type",
              "source",
              "target",
              "read_only",
              "consistency",
              "bind",
              "volume",
              "tmpfs",
              "image"),
          Map.of(
              "bind",
              new Struct(
                  List.of("selinux", "propagation", "create_host_path", "recursive"), Map.of()),
              "volume",
              new Struct(List.of("labels", "nocopy", "subpath"), Map.of("labels", new GoMap(null))),
              "tmpfs",
              new Struct(List.of("size", "mode"), Map.of())));

  private static final Struct HEALTHCHECK =
      new Struct(
          List.of(
              "test",
              "timeout",
              "interval",
              "retries",
              "start_period",
              "start_interval",
              "disable"),
          Map.of());

  private static final Struct RESOURCE =
      new Struct(List.of("cpus", "memory", "pids", "devices", "generic_resources"), Map.of());

  private static final Struct UPDATE =
      new Struct(
          List.of(
              "parallelism", "delay", "failure_action", "monitor", "max_failure_ratio", "order"),
          Map.of());

  private static final Struct DEPLOY =
      new Struct(
          List.of(
              "mode",
              "replicas",
              "labels",
              "update_config",
              "rollback_config",
              "resources",
              "restart_policy",
              "placement",
              "endpoint_mode"),
          Map.of(
              "labels", new GoMap(null),
              "update_config", UPDATE,
              "rollback_config", UPDATE,
              "resources",
                  new Struct(
                      List.of("limits", "reservations"),
                      Map.of("limits", RESOURCE, "reservations", RESOURCE)),
              "restart_policy",
                  new Struct(List.of("condition", "delay", "max_attempts", "window"), Map.of()),
              "placement",
                  new Struct(
                      List.of("constraints", "preferences", "max_replicas_per_node"), Map.of())),
          List.of("resources", "placement"));

  private static final Struct NETWORK =
      new Struct(
          List.of(
              "aliases",
              "driver_opts",
              "gw_priority",
              "interface_name",
              "ipv4_address",
              "ipv6_address",
              "link_local_ips",
              "mac_address",
              "priority"),
          Map.of("driver_opts", new GoMap(null)));

  private static final Struct FILE_REFERENCE =
      new Struct(List.of("source", "target", "uid", "gid", "mode"), Map.of());

  static final Struct SERVICE =
      new Struct(
          List.of(
              "profiles",
              "annotations",
              "attach",
              "build",
              "develop",
              "blkio_config",
              "cap_add",
              "cap_drop",
              "cgroup_parent",
              "cgroup",
              "cpu_count",
              "cpu_percent",
              "cpu_period",
              "cpu_quota",
              "cpu_rt_period",
              "cpu_rt_runtime",
              "cpus",
              "cpuset",
              "cpu_shares",
              "command",
              "configs",
              "container_name",
              "credential_spec",
              "depends_on",
              "deploy",
              "device_cgroup_rules",
              "devices",
              "dns",
              "dns_opt",
              "dns_search",
              "dockerfile",
              "domainname",
              "entrypoint",
              "provider",
              "environment",
              "env_file",
              "expose",
              "extends",
              "external_links",
              "extra_hosts",
              "group_add",
              "gpus",
              "hostname",
              "healthcheck",
              "image",
              "init",
              "ipc",
              "isolation",
              "labels",
              "label_file",
              "links",
              "logging",
              "log_driver",
              "log_opt",
              "mem_limit",
              "mem_reservation",
              "memswap_limit",
              "mem_swappiness",
              "mac_address",
              "models",
              "net",
              "network_mode",
              "networks",
              "oom_kill_disable",
              "oom_score_adj",
              "pid",
              "pids_limit",
              "platform",
              "ports",
              "privileged",
              "pull_policy",
              "read_only",
              "restart",
              "runtime",
              "scale",
              "secrets",
              "security_opt",
              "shm_size",
              "stdin_open",
              "stop_grace_period",
              "stop_signal",
              "storage_opt",
              "sysctls",
              "tmpfs",
              "tty",
              "ulimits",
              "use_api_socket",
              "user",
              "userns_mode",
              "uts",
              "volume_driver",
              "volumes",
              "volumes_from",
              "working_dir",
              "post_start",
              "pre_stop"),
          Map.ofEntries(
              Map.entry("ports", new ListOf(PORT)),
              Map.entry("volumes", new ListOf(VOLUME)),
              Map.entry("healthcheck", HEALTHCHECK),
              Map.entry("deploy", DEPLOY),
              Map.entry("networks", new GoMap(NETWORK)),
              Map.entry("secrets", new ListOf(FILE_REFERENCE)),
              Map.entry("configs", new ListOf(FILE_REFERENCE)),
              Map.entry(
                  "logging",
                  new Struct(List.of("driver", "options"), Map.of("options", new GoMap(null)))),
              Map.entry(
                  "devices",
                  new ListOf(new Struct(List.of("source", "target", "permissions"), Map.of())))),
          List.of("command", "entrypoint"));

  private ServiceShape() {}
}
