package io.jcompose.model.bind;

import static io.jcompose.model.bind.NodeReader.bytes;
import static io.jcompose.model.bind.NodeReader.decimal;
import static io.jcompose.model.bind.NodeReader.duration;
import static io.jcompose.model.bind.NodeReader.integer;
import static io.jcompose.model.bind.NodeReader.map;
import static io.jcompose.model.bind.NodeReader.string;
import static io.jcompose.model.bind.NodeReader.whole;

import io.jcompose.model.project.Deploy;
import io.jcompose.schema.node.MapNode;

/** Binds the parts of {@code deploy} docker compose honours. */
final class DeployBinder {

  private DeployBinder() {}

  static Deploy bind(MapNode deploy) {
    var resources =
        map(deploy, "resources")
            .map(
                r ->
                    new Deploy.Resources(
                        map(r, "limits").map(DeployBinder::limits).orElse(Deploy.Limits.NONE),
                        map(r, "reservations")
                            .map(DeployBinder::limits)
                            .orElse(Deploy.Limits.NONE)))
            .orElse(Deploy.Resources.NONE);
    var restartPolicy =
        map(deploy, "restart_policy")
            .map(
                policy ->
                    new Deploy.RestartPolicy(
                        string(policy, "condition").orElse("any"),
                        duration(policy, "delay"),
                        integer(policy, "max_attempts"),
                        duration(policy, "window")));
    return new Deploy(integer(deploy, "replicas"), resources, restartPolicy);
  }

  private static Deploy.Limits limits(MapNode limits) {
    return new Deploy.Limits(
        decimal(limits, "cpus"), bytes(limits, "memory"), whole(limits, "pids"));
  }
}
