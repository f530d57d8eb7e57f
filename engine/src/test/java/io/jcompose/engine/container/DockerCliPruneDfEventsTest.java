package io.jcompose.engine.container;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.jcompose.engine.api.DockerCli;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The real docker CLI prunes containers, reports disk usage and replays events by time. */
class DockerCliPruneDfEventsTest extends EngineTestBase {

  @Test
  void eventsSinceUntil_showACreateStartDieDestroy_stampedInBetween() throws Exception {
    Instant since = Instant.now().minusSeconds(1);
    assertThat(engine.docker("run", "--name", "evented", "busybox", "true").exitCode()).isZero();
    assertThat(engine.docker("rm", "evented").exitCode()).isZero();
    Instant until = Instant.now().plusSeconds(1);

    DockerCli.Run events =
        engine.docker(
            "events",
            "--since",
            Long.toString(since.getEpochSecond()),
            "--until",
            Long.toString(until.getEpochSecond()),
            "--filter",
            "container=evented",
            "--format",
            "{{.TimeNano}} {{.Action}}");

    assertThat(events.exitCode()).as(events.stderr()).isZero();
    var actions = new ArrayList<String>();
    for (String line : events.stdout().strip().split("\n")) {
      String[] fields = line.split(" ", 2);
      long nanos = Long.parseLong(fields[0]);
      assertThat(nanos)
          .isBetween(
              since.getEpochSecond() * 1_000_000_000L, until.getEpochSecond() * 1_000_000_000L);
      actions.add(fields[1]);
    }
    assertThat(actions).containsSubsequence("create", "start", "die", "destroy");
  }

  @Test
  void containerPrune_removesStoppedContainersTheFiltersSelect() throws Exception {
    Instant since = Instant.now().minusSeconds(1);
    assertThat(
            engine
                .docker("run", "--name", "prune-old", "--label", "keep=no", "busybox", "true")
                .exitCode())
        .isZero();
    assertThat(
            engine
                .docker("create", "--name", "prune-kept", "--label", "keep=yes", "busybox", "true")
                .exitCode())
        .isZero();
    assertThat(
            engine
                .docker("run", "-d", "--name", "prune-running", "busybox", "sh", "-c", "sleep 1000")
                .exitCode())
        .isZero();
    String oldId = engine.docker("inspect", "--format", "{{.Id}}", "prune-old").stdout().strip();

    DockerCli.Run prune = engine.docker("container", "prune", "-f", "--filter", "label!=keep=yes");

    assertThat(prune.exitCode()).as(prune.stderr()).isZero();
    assertThat(prune.stdout())
        .contains("Deleted Containers:\n" + oldId + "\n")
        .contains("Total reclaimed space:");
    assertThat(names()).contains("prune-kept", "prune-running").doesNotContain("prune-old");
    String events =
        engine
            .docker(
                "events",
                "--since",
                Long.toString(since.getEpochSecond()),
                "--until",
                Long.toString(Instant.now().plusSeconds(1).getEpochSecond()),
                "--filter",
                "event=prune",
                "--filter",
                "event=destroy",
                "--format",
                "{{.Action}} {{.Actor.ID}}")
            .stdout();
    assertThat(events).contains("destroy " + oldId).contains("prune ");

    assertThat(engine.docker("container", "prune", "-f").exitCode()).isZero();
    assertThat(names()).contains("prune-running").doesNotContain("prune-kept");
    assertThat(engine.docker("rm", "-f", "prune-running").exitCode()).isZero();
  }

  @Test
  void systemDf_reportsImagesContainersAndVolumesWithSizes() throws Exception {
    assertThat(
            engine
                .docker(
                    "run",
                    "--name",
                    "df-writer",
                    "-v",
                    "df-volume:/data",
                    "busybox",
                    "sh",
                    "-c",
                    "busybox dd if=/dev/zero of=/big bs=1024 count=1024 2>/dev/null;"
                        + " echo 12345 > /data/five")
                .exitCode())
        .isZero();

    DockerCli.Run summary = engine.docker("system", "df");
    DockerCli.Run verbose = engine.docker("system", "df", "-v");

    assertThat(summary.exitCode()).as(summary.stderr()).isZero();
    assertThat(summary.stdout()).contains("Images", "Containers", "Local Volumes", "Build Cache");
    assertThat(verbose.exitCode()).as(verbose.stderr()).isZero();
    assertThat(verbose.stdout()).contains("df-writer").contains("1.05MB").contains("df-volume");
    JsonNode df = engine.get("/v1.44/system/df").json();
    assertThat(df.path("LayersSize").asLong()).isPositive();
    JsonNode writer = find(df.path("Containers"), "Names", "/df-writer");
    assertThat(writer.path("SizeRw").asLong()).isGreaterThanOrEqualTo(1024 * 1024);
    assertThat(writer.path("SizeRootFs").asLong()).isGreaterThan(writer.path("SizeRw").asLong());
    JsonNode volume = find(df.path("Volumes"), "Name", "df-volume");
    assertThat(volume.path("UsageData").path("Size").asLong()).isEqualTo(6);
    assertThat(volume.path("UsageData").path("RefCount").asLong()).isEqualTo(1);
    JsonNode busybox = find(df.path("Images"), "RepoTags", "busybox:latest");
    assertThat(busybox.path("Containers").asInt()).isGreaterThanOrEqualTo(1);
    assertThat(df.path("BuildCache").isArray()).isTrue();

    assertThat(engine.docker("rm", "df-writer").exitCode()).isZero();
    assertThat(engine.docker("volume", "rm", "df-volume").exitCode()).isZero();
  }

  private List<String> names() throws Exception {
    return List.of(engine.docker("ps", "-a", "--format", "{{.Names}}").stdout().split("\n"));
  }

  /** The element of an array whose field (or an element of it) is {@code value}. */
  private static JsonNode find(JsonNode array, String field, String value) {
    for (JsonNode element : array) {
      JsonNode candidate = element.path(field);
      if (candidate.asText().equals(value)) {
        return element;
      }
      for (JsonNode item : candidate) {
        if (item.asText().equals(value)) {
          return element;
        }
      }
    }
    throw new AssertionError("no element with " + field + " " + value + " in " + array);
  }
}
