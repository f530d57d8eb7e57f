package io.jcompose.planner.reconcile;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigDiffTest {

  @TempDir Path directory;

  @Test
  void describe_namesChangedAddedAndRemovedSettingsByPath() {
    String before =
        "{\"command\":null,\"environment\":{\"A\":\"1\",\"B\":\"2\"},\"ports\":[{\"target\":80}]}";
    String after =
        "{\"command\":[\"sh\"],\"environment\":{\"A\":\"1\",\"C\":\"3\"},\"ports\":[{\"target\":81}]}";

    assertThat(ConfigDiff.describe(before, after))
        .isEqualTo(
            "command changed, environment.B removed, environment.C added, ports[0].target changed");
  }

  @Test
  void describe_neverQuotesValues_soSecretsStayOutOfPlans() {
    assertThat(
            ConfigDiff.describe(
                "{\"environment\":{\"PASSWORD\":\"old-secret\"}}",
                "{\"environment\":{\"PASSWORD\":\"new-secret\"}}"))
        .isEqualTo("environment.PASSWORD changed")
        .doesNotContain("secret\"");
  }

  @Test
  void describe_summarisesLongListsAndSurvivesEscapesAndBadInput() {
    assertThat(
            ConfigDiff.describe(
                "{\"a\":1,\"b\":1,\"c\":1,\"d\":1,\"e\":1,\"f\":\"x\\u003cy\"}",
                "{\"a\":2,\"b\":2,\"c\":2,\"d\":2,\"e\":2,\"f\":\"x<y\"}"))
        .isEqualTo("a changed, b changed, c changed, d changed and 1 more");
    assertThat(ConfigDiff.describe("{not json", "{}")).isEmpty();
    assertThat(ConfigDiff.describe("{\"a\":[1,2]}", "{\"a\":[1,2,3]}")).isEqualTo("a changed");
  }

  @Test
  void containerCreatedByAnotherTool_fallsBackToTheHashesInTheCause() throws Exception {
    var project = Projects.load(directory, GoldenPlanTest.STACK);
    var changed =
        Projects.load(directory, GoldenPlanTest.STACK.replace("GREETING: hello", "GREETING: hi"));
    var observed =
        Snapshots.editContainer(
            Snapshots.after(project),
            "demo-web-1",
            container ->
                new io.jcompose.planner.observe.ObservedContainer(
                    container.id(),
                    container.name(),
                    container.serviceName(),
                    container.number(),
                    false,
                    container.configHash(),
                    Optional.empty(),
                    container.imageLabel(),
                    container.status(),
                    container.exitCode(),
                    container.networks(),
                    container.volumeMounts()));

    assertThat(GoldenPlanTest.up(changed, observed, ReconcileOptions.defaults()))
        .contains(
            "recreate demo-web-1: configuration changed (config hash "
                + project.service("web").configHash().substring(0, 12)
                + " -> "
                + changed.service("web").configHash().substring(0, 12)
                + ")");
  }
}
