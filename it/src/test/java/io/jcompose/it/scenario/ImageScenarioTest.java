package io.jcompose.it.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The image verbs and flags: {@code push} to a loopback registry, {@code build --no-cache/--pull},
 * {@code up --build/--no-build/--pull}, {@code pull}, and named build contexts; checked with the
 * registry's API and the target's docker CLI.
 */
@Timeout(300)
class ImageScenarioTest {

  @ParameterizedTest
  @MethodSource("io.jcompose.it.scenario.Target#all")
  void push_sendsTheImageOfEachServiceThatBuildsIt_andSkipsTheOthers(Target target)
      throws Exception {
    try (LoopbackRegistry registry = LoopbackRegistry.start()) {
      String repository = LoopbackRegistry.repository("app");
      String reference = registry.address() + "/" + repository + ":1";
      try (Stack stack =
          Stack.create(
              target,
              """
              services:
                app:
                  image: %s
                  build: .
                plain:
                  image: ${IMAGE}
              """
                  .formatted(reference))) {
        Files.writeString(stack.directory().resolve("Dockerfile"), "FROM scratch\n");
        try {
          target.docker("tag", target.image(), reference).ok();

          CommandResult push = stack.jcomposeOk("push");

          assertThat(push.err()).contains("service plain skipped").contains("Pushed");
          assertThat(registry.tags(repository)).contains("\"1\"");
        } finally {
          target.docker("rmi", reference);
          Files.deleteIfExists(stack.directory().resolve("Dockerfile"));
        }
      }
    }
  }

  @ParameterizedTest
  @MethodSource("io.jcompose.it.scenario.Target#all")
  void push_ofAnImageNotBuilt_fails_unlessFailuresAreIgnored(Target target) throws Exception {
    try (LoopbackRegistry registry = LoopbackRegistry.start();
        Stack stack =
            Stack.create(
                target,
                """
                services:
                  app:
                    image: %s/%s:1
                    build: .
                """
                    .formatted(registry.address(), LoopbackRegistry.repository("missing")))) {
      CommandResult failed = stack.jcompose("push");
      CommandResult ignored = stack.jcompose("push", "--ignore-push-failures");

      assertThat(failed.exitCode()).as(failed.toString()).isEqualTo(1);
      assertThat(failed.err()).contains("/missing:1");
      assertThat(ignored.exitCode()).as(ignored.toString()).isZero();
      assertThat(ignored.err()).contains("pushing app");
    }
  }

  @ParameterizedTest
  @MethodSource("io.jcompose.it.scenario.Target#all")
  void buildAndUp_followTheImageFlags(Target target) throws Exception {
    try (LoopbackRegistry registry = LoopbackRegistry.start()) {
      String base = registry.address() + "/" + LoopbackRegistry.repository("base") + ":1";
      seed(registry, base);
      try (Stack stack =
          Stack.create(
              target,
              """
              services:
                app:
                  build: .
                  command: ["sh", "-c", "trap 'exit 0' TERM; sleep 3600 & wait"]
              """)) {
        Path dockerfile = stack.directory().resolve("Dockerfile");
        Files.writeString(
            dockerfile, "FROM " + base + "\nRUN cat /proc/sys/kernel/random/uuid > /stamp\n");
        String image = stack.projectName() + "-app";
        try {
          CommandResult noBuild = stack.jcompose("up", "-d", "--no-build");
          assertThat(noBuild.exitCode()).as(noBuild.toString()).isEqualTo(1);
          assertThat(noBuild.err()).contains("--no-build");

          assertThat(stack.jcomposeOk("up", "-d").err()).contains("Built");
          String first = imageId(target, image);
          assertThat(stack.jcomposeOk("up", "-d").err()).doesNotContain("Built");
          assertThat(stack.jcomposeOk("up", "-d", "--build").err()).contains("Built");
          assertThat(stack.jcomposeOk("up", "-d", "--pull", "build").err()).contains("Built");
          assertThat(imageId(target, image)).as("a rebuild uses the cache").isEqualTo(first);

          stack.jcomposeOk("build", "--no-cache");
          String uncached = imageId(target, image);
          assertThat(uncached).as("build --no-cache runs every step again").isNotEqualTo(first);

          target.docker("rmi", base).ok();
          CommandResult pulled = stack.jcomposeOk("build", "--pull");
          assertThat(target.docker("image", "inspect", base).exitCode())
              .as("build --pull fetched the base image\n" + pulled)
              .isZero();

          CommandResult never = stack.jcompose("up", "-d", "--pull", "never", "--build");
          assertThat(never.exitCode()).as(never.toString()).isZero();
        } finally {
          removeProjectImages(target, stack.projectName());
          target.docker("rmi", base);
          Files.deleteIfExists(dockerfile);
        }
      }
    }
  }

  @ParameterizedTest
  @MethodSource("io.jcompose.it.scenario.Target#all")
  void pullAndUpPull_followThePolicy(Target target) throws Exception {
    try (LoopbackRegistry registry = LoopbackRegistry.start()) {
      String reference = registry.address() + "/" + LoopbackRegistry.repository("pulled") + ":1";
      seed(registry, reference);
      try (Stack stack =
          Stack.create(
              target,
              """
              services:
                app:
                  image: %s
                  command: ["sh", "-c", "trap 'exit 0' TERM; sleep 3600 & wait"]
              """
                  .formatted(reference))) {
        try {
          CommandResult never = stack.jcompose("up", "-d", "--pull", "never");
          assertThat(never.exitCode()).as(never.toString()).isEqualTo(1);
          assertThat(never.err()).contains("pull policy is never");

          assertThat(stack.jcomposeOk("pull", "--policy", "missing").err()).contains("Pulled");
          assertThat(stack.jcomposeOk("pull", "--policy", "missing").err())
              .doesNotContain("Pulled");
          assertThat(stack.jcomposeOk("up", "-d", "--pull", "always").err()).contains("Pulled");
          assertThat(stack.jcomposeOk("up", "-d", "--pull", "missing").err())
              .doesNotContain("Pulled");
          assertThat(stack.jcomposeOk("pull", "-q").err()).doesNotContain("Pull");
        } finally {
          stack.jcompose("down", "-t", "1");
          target.docker("rmi", "-f", reference);
        }
      }
    }
  }

  @ParameterizedTest
  @MethodSource("io.jcompose.it.scenario.Target#all")
  void upBuild_sendsNamedContexts_toTheBundledEngineOnly(Target target) throws Exception {
    Path tools = Files.createTempDirectory("jcs-tools");
    try (Stack stack =
        Stack.create(
            target,
            """
            services:
              app:
                build:
                  context: .
                  additional_contexts:
                    tools: %s
                    base: docker-image://${IMAGE}
                command: ["sh", "-c", "trap 'exit 0' TERM; sleep 3600 & wait"]
            """
                .formatted(tools))) {
      Files.createDirectories(tools.resolve("bin"));
      Files.writeString(tools.resolve("bin/hello"), "hello from a named context\n");
      Files.writeString(tools.resolve("unused"), "not sent\n");
      Path dockerfile = stack.directory().resolve("Dockerfile");
      Files.writeString(dockerfile, "FROM base\nCOPY --from=tools bin/hello /hello\n");
      try {
        CommandResult up = stack.jcompose("up", "-d", "--build");
        if (target == Target.DOCKERD) {
          assertThat(up.exitCode()).as(up.toString()).isEqualTo(1);
          assertThat(up.err())
              .contains(
                  "service app: build.additional_contexts needs the bundled engine (dockerd's"
                      + " classic builder cannot take named contexts)");
        } else {
          assertThat(up.exitCode()).as(up.toString()).isZero();
          assertThat(
                  target.docker("exec", stack.containerName("app", 1), "cat", "/hello").ok().out())
              .isEqualTo("hello from a named context\n");
        }
      } finally {
        stack.jcompose("down", "-t", "1");
        removeProjectImages(target, stack.projectName());
        Files.deleteIfExists(dockerfile);
        try (Stream<Path> paths = Files.walk(tools)) {
          for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
            Files.delete(path);
          }
        }
      }
    }
  }

  /**
   * Puts the test image into the registry as {@code reference}, through dockerd (which pushes on
   * every run of the scenarios), leaving nothing tagged behind.
   */
  private static void seed(LoopbackRegistry registry, String reference) throws Exception {
    Target dockerd = Target.DOCKERD;
    dockerd.docker("tag", dockerd.image(), reference).ok();
    try {
      dockerd.docker("push", reference).ok();
    } finally {
      dockerd.docker("rmi", reference).ok();
    }
    assertThat(
            registry.tags(
                reference.substring(registry.address().length() + 1, reference.lastIndexOf(':'))))
        .contains("\"1\"");
  }

  /** Every image the project's builds made, the ones a rebuild left untagged too. */
  private static void removeProjectImages(Target target, String projectName) throws Exception {
    String ids =
        target.docker("images", "-q", "--filter", Target.projectFilter(projectName)).ok().out();
    for (String id : ids.split("\\s+")) {
      if (!id.isBlank()) {
        target.docker("rmi", "-f", id);
      }
    }
  }

  private static String imageId(Target target, String image) throws Exception {
    return target.docker("image", "inspect", "--format", "{{.Id}}", image).ok().out().strip();
  }
}
