package io.jcompose.model.hash;

import io.jcompose.model.project.ConfigDigest;
import io.jcompose.schema.node.MapNode;
import io.jcompose.schema.node.Node;
import io.jcompose.schema.node.Position;
import io.jcompose.schema.node.ScalarNode;
import io.jcompose.schema.node.SeqNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Set;

/**
 * The {@code com.docker.compose.config-hash} of a service: the SHA-256, in lowercase hex, of the
 * service's JSON, computed the way docker compose's {@code ServiceHash} does (compose-inventory.md
 * §4.2).
 *
 * <p>What is the same as docker compose:
 *
 * <ul>
 *   <li>{@code build}, {@code pull_policy}, {@code scale}, {@code deploy.replicas}, {@code
 *       depends_on}, {@code profiles} are left out, so changing them does not recreate a container;
 *       so are {@code env_file} (its content is already in {@code environment}), the service name
 *       and {@code x-*} extensions;
 *   <li>the JSON is compact and written like Go's {@code encoding/json} on compose-go's {@code
 *       ServiceConfig}: fields in struct declaration order, empty fields omitted except {@code
 *       command} and {@code entrypoint} (written as {@code null}), {@code deploy.resources} and
 *       {@code deploy.placement} always present, map keys sorted, {@code <}, {@code >}, {@code &}
 *       escaped as {@code \u003c} etc.;
 *   <li>{@code extra_hosts} is a sorted list of {@code host=ip}.
 * </ul>
 *
 * <p>Where it differs, and why:
 *
 * <ul>
 *   <li>The input is the canonical service tree, not a Go struct. Values are hashed with the type
 *       the canonical form gives them; the canonicaliser already writes Go's forms for byte sizes
 *       ({@code "536870912"}) and durations ({@code "1m30s"}), so this class converts nothing.
 *   <li>{@code service:X} references in {@code network_mode}/{@code ipc}/{@code pid}/{@code
 *       volumes_from} are hashed as written. docker compose v2 puts the container ID of X there, so
 *       its hash changes whenever X is recreated; jcompose keeps the hash a pure function of the
 *       file and recreates the containers that share X's namespaces by an explicit rule when X is
 *       recreated (as docker compose does since v5.2). {@code type: image} volume sources are
 *       hashed as written too. CLI overrides change nothing that is hashed ({@code --scale}, {@code
 *       --pull} and {@code --build} touch excluded fields only).
 *   <li>Only the nested structs that services commonly use (ports, volumes, healthcheck, deploy,
 *       logging, networks, secrets, configs, devices) get compose-go's field order; the others
 *       (blkio_config, develop, credential_spec, gpus, ...) are written with sorted keys, and every
 *       mapping without a known shape is treated as a Go map (no {@code omitempty}).
 *   <li>Go-specific encodings (octal file modes, {@code OptOut} fields such as {@code
 *       bind.create_host_path}, float32 rounding of {@code cpus}) are not reproduced.
 * </ul>
 *
 * The hash is pinned by golden tests; until it is checked against {@code docker compose config
 * --hash '*'} on the same files, treat a mismatch with docker compose's label as expected
 * (compose-inventory.md §4.4, option b).
 */
public final class ConfigHash {

  private static final Set<String> EXCLUDED =
      Set.of("build", "pull_policy", "scale", "depends_on", "profiles", "env_file", "name");

  private ConfigHash() {}

  /** The config hash of one canonical service (the value under {@code services.<name>}). */
  public static String of(MapNode canonicalService) {
    return sha256(json(canonicalService));
  }

  /** The hashed JSON and its hash together, as a bound service carries them. */
  public static ConfigDigest digest(MapNode canonicalService) {
    String json = json(canonicalService);
    return new ConfigDigest(json, sha256(json));
  }

  /** The exact bytes that are hashed, for debugging a mismatch. */
  public static String json(MapNode canonicalService) {
    return GoJson.write(hashable(canonicalService), ServiceShape.SERVICE);
  }

  static MapNode hashable(MapNode service) {
    var entries = new LinkedHashMap<String, Node>();
    service
        .entries()
        .forEach(
            (key, value) -> {
              if (!EXCLUDED.contains(key) && !key.startsWith("x-")) {
                entries.put(key, value);
              }
            });
    if (entries.get("deploy") instanceof MapNode deploy) {
      entries.put("deploy", deploy.without("replicas"));
    }
    Node hosts = entries.get("extra_hosts");
    if (hosts != null) {
      entries.put("extra_hosts", extraHosts(hosts));
    }
    return service.withEntries(entries);
  }

  /** {@code extra_hosts} as a sorted list of {@code host=ip}, whichever form it was written in. */
  private static SeqNode extraHosts(Node hosts) {
    var lines = new ArrayList<String>();
    if (hosts instanceof MapNode map) {
      map.entries()
          .forEach(
              (host, addresses) -> {
                if (addresses instanceof SeqNode list) {
                  list.items().forEach(address -> lines.add(host + "=" + text(address)));
                } else {
                  lines.add(host + "=" + text(addresses));
                }
              });
    } else if (hosts instanceof SeqNode list) {
      list.items().forEach(item -> lines.add(text(item)));
    }
    lines.sort(null);
    List<Node> items = new ArrayList<>();
    lines.forEach(line -> items.add(ScalarNode.of(line, hosts.position())));
    return SeqNode.of(items, Position.UNKNOWN);
  }

  private static String text(Node node) {
    return node instanceof ScalarNode scalar ? scalar.text() : String.valueOf(node.toPlain());
  }

  private static String sha256(String text) {
    try {
      var digest = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(digest.digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM provides SHA-256", e);
    }
  }
}
