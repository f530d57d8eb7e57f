package io.jcompose.it.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Named volumes keep their data across recreates; {@code down -v} leaves nothing behind. */
@Timeout(120)
class VolumeScenarioTest {

  private static final String BOOT_LOG =
      """
      services:
        app:
          image: ${IMAGE}
          command: ["sh", "-c", "echo boot-$$(hostname) >> /data/boots; cat /data/boots; trap 'exit 0' TERM; sleep 3600 & wait"]
          volumes:
            - data:/data
      volumes:
        data:
      """;

  @ParameterizedTest
  @MethodSource("io.jcompose.it.scenario.Target#all")
  void up_namedVolumeKeepsItsDataWhenTheContainerIsRecreated(Target target) throws Exception {
    try (Stack stack = Stack.create(target, BOOT_LOG)) {
      String app = stack.containerName("app", 1);
      stack.jcomposeOk("up", "-d");
      String firstId = stack.containerIds().get(app);
      String firstBoot = "boot-" + firstId.substring(0, 12);
      stack.awaitLogs("app", firstBoot);

      stack.jcomposeOk("up", "-d", "--force-recreate", "-t", "1");

      String secondId = stack.containerIds().get(app);
      assertThat(secondId).as("the container after --force-recreate").isNotEqualTo(firstId);
      String secondBoot = "boot-" + secondId.substring(0, 12);
      String logs = stack.awaitLogs("app", secondBoot);
      assertThat(logs)
          .as("the recreated container reads what the first one wrote to the volume")
          .contains(firstBoot);
    }
  }

  @ParameterizedTest
  @MethodSource("io.jcompose.it.scenario.Target#all")
  void downWithVolumes_leavesNoContainerNetworkOrVolumeOfTheProject(Target target)
      throws Exception {
    try (Stack stack =
        Stack.create(
            target,
            """
            services:
              app:
                image: ${IMAGE}
                command: ["sh", "-c", "trap 'exit 0' TERM; sleep 3600 & wait"]
                volumes:
                  - data:/data
                  - /scratch
                networks: [default, back]
              worker:
                image: ${IMAGE}
                command: ["sh", "-c", "trap 'exit 0' TERM; sleep 3600 & wait"]
                networks: [back]
            volumes:
              data:
            networks:
              back:
            """)) {
      stack.jcomposeOk("up", "-d");
      String project = stack.projectName();
      assertThat(target.leftovers(project))
          .contains(
              "container " + stack.containerName("app", 1),
              "container " + stack.containerName("worker", 1),
              "network " + project + "_default",
              "network " + project + "_back",
              "volume " + project + "_data");
      Map<String, String> ids = stack.containerIds();
      String anonymousVolume =
          target
              .docker(
                  "inspect",
                  "-f",
                  "{{range .Mounts}}{{if eq .Destination \"/scratch\"}}{{.Name}}{{end}}{{end}}",
                  ids.get(stack.containerName("app", 1)))
              .ok()
              .out()
              .trim();
      assertThat(anonymousVolume).as("the anonymous volume of /scratch").isNotEmpty();

      stack.jcomposeOk("down", "-v", "-t", "1");

      assertThat(target.leftovers(project)).isEmpty();
      assertThat(target.docker("volume", "inspect", anonymousVolume).exitCode())
          .as("the anonymous volume " + anonymousVolume + " is removed too")
          .isNotZero();
    }
  }
}
