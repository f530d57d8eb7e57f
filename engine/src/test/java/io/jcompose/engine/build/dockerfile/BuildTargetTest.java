package io.jcompose.engine.build.dockerfile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.jcompose.engine.fault.EngineFault;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BuildTargetTest {

  private static final Platforms AMD64 = Platforms.of("linux/amd64");

  private static final String GO_SERVICE =
      "# syntax=docker/dockerfile:1\n"
          + "ARG GO_VERSION=1.22\n"
          + "FROM --platform=$BUILDPLATFORM golang:${GO_VERSION}-alpine AS base\n"
          + "WORKDIR /src\n"
          + "COPY go.mod go.sum ./\n"
          + "RUN --mount=type=cache,target=/go/pkg/mod go mod download\n"
          + "\n"
          + "FROM base AS build\n"
          + "ARG TARGETOS TARGETARCH\n"
          + "RUN --mount=type=bind,target=. \\\n"
          + "    --mount=type=cache,target=/root/.cache/go-build \\\n"
          + "    GOOS=$TARGETOS GOARCH=$TARGETARCH go build -o /out/app ./cmd/app\n"
          + "\n"
          + "FROM base AS test\n"
          + "RUN go test ./...\n"
          + "\n"
          + "FROM alpine:3.20 AS certs\n"
          + "RUN apk add --no-cache ca-certificates\n"
          + "\n"
          + "FROM scratch\n"
          + "COPY --from=certs /etc/ssl/certs/ca-certificates.crt /etc/ssl/certs/\n"
          + "COPY --from=build /out/app /app\n"
          + "USER 65534:65534\n"
          + "EXPOSE 8080\n"
          + "HEALTHCHECK --interval=30s CMD [\"/app\", \"health\"]\n"
          + "ENTRYPOINT [\"/app\"]\n";

  private static List<String> resolve(String text, String target, Map<String, String> buildArgs) {
    Dockerfile dockerfile = Dockerfile.parse(text);
    return BuildTarget.resolve(dockerfile, target, Scope.global(dockerfile, buildArgs, AMD64))
        .stream()
        .map(stage -> stage.name().orElse("#" + stage.index()))
        .toList();
  }

  @Test
  void parse_groupsARealisticMultiStageFileIntoStages() {
    Dockerfile dockerfile = Dockerfile.parse(GO_SERVICE);

    assertThat(dockerfile.directives().values()).containsEntry("syntax", "docker/dockerfile:1");
    assertThat(dockerfile.globalArgs())
        .containsExactly(
            new Instruction.Arg(2, List.of(new Instruction.Arg.Declaration("GO_VERSION", "1.22"))));
    assertThat(dockerfile.stages())
        .extracting(stage -> stage.name().orElse("-"), stage -> stage.instructions().size())
        .containsExactly(
            tuple("base", 3),
            tuple("build", 2),
            tuple("test", 1),
            tuple("certs", 1),
            tuple("-", 6));
    Instruction.Run build = (Instruction.Run) dockerfile.stages().get(1).instructions().get(1);
    assertThat(build.line()).isEqualTo(10);
    assertThat(build.flags()).hasSize(2);
    assertThat(dockerfile.stage("CERTS")).contains(dockerfile.stages().get(3));
    assertThat(dockerfile.stage("4")).contains(dockerfile.stages().get(4));
    assertThat(dockerfile.stage("golang")).isEmpty();
  }

  @Test
  void resolve_takesTheLastStageAndWhatItCopiesFromLeavingUnusedStagesOut() {
    assertThat(resolve(GO_SERVICE, null, Map.of())).containsExactly("base", "build", "certs", "#4");
    assertThat(resolve(GO_SERVICE, "", Map.of())).containsExactly("base", "build", "certs", "#4");
  }

  @Test
  void resolve_stopsAtANamedTargetInAnyCase() {
    assertThat(resolve(GO_SERVICE, "Test", Map.of())).containsExactly("base", "test");
    assertThat(resolve(GO_SERVICE, "base", Map.of())).containsExactly("base");
  }

  @Test
  void resolve_followsIndexesMountsAndArgsInFromAndCopyFrom() {
    String text =
        "ARG BASE=builder\n"
            + "FROM alpine AS builder\n"
            + "FROM busybox AS assets\n"
            + "FROM busybox AS unused\n"
            + "FROM busybox AS cache\n"
            + "FROM $BASE AS second\n"
            + "ARG SOURCE=assets\n"
            + "COPY --from=$SOURCE /a /a\n"
            + "RUN --mount=type=bind,from=cache,target=/c ls /c\n"
            + "FROM scratch\n"
            + "COPY --from=4 /x /x\n"
            + "COPY --from=nginx:latest /etc/nginx /etc/nginx\n";

    assertThat(resolve(text, null, Map.of()))
        .containsExactly("builder", "assets", "cache", "second", "#5");
    assertThat(resolve(text, "second", Map.of("SOURCE", "unused", "BASE", "assets")))
        .containsExactly("assets", "unused", "cache", "second");
  }

  @Test
  void resolve_readsAFromWithTheSameNameAsALaterStageAsAnImage() {
    assertThat(resolve("FROM app AS base\nFROM busybox AS app\n", "base", Map.of()))
        .containsExactly("base");
  }

  @Test
  void resolve_readsAFromNamingAStageIndexAsAnImage() {
    Dockerfile dockerfile = Dockerfile.parse("FROM busybox\nFROM 0\n");

    assertThat(resolve("FROM busybox\nFROM 0\n", null, Map.of())).containsExactly("#1");
    assertThat(dockerfile.stage("")).isEmpty();
    assertThat(dockerfile.stage("0")).contains(dockerfile.stages().get(0));
  }

  @Test
  void resolve_refusesAnUnknownTargetListingTheStages() {
    assertThatThrownBy(() -> resolve(GO_SERVICE, "prod", Map.of()))
        .isInstanceOf(EngineFault.InvalidArgument.class)
        .hasMessage(
            "target stage \"prod\" could not be found in the Dockerfile"
                + " (stages: base, build, certs, test)");
  }

  @Test
  void resolve_refusesStagesThatCopyFromEachOtherInACircle() {
    String text =
        "FROM busybox AS a\nCOPY --from=b /x /x\nFROM busybox AS b\nCOPY --from=a /y /y\n";

    assertThatThrownBy(() -> resolve(text, "b", Map.of()))
        .isInstanceOf(EngineFault.InvalidArgument.class)
        .hasMessage("circular dependency detected on stage: b");
  }

  @Test
  void dependencies_listsTheDirectOnesInTheOrderTheStageNamesThem() {
    Dockerfile dockerfile = Dockerfile.parse(GO_SERVICE);
    Scope global = Scope.global(dockerfile, Map.of(), AMD64);

    assertThat(BuildTarget.dependencies(dockerfile, dockerfile.stages().get(4), global))
        .extracting(stage -> stage.name().orElseThrow())
        .containsExactly("certs", "build");
    assertThat(BuildTarget.dependencies(dockerfile, dockerfile.stages().get(0), global)).isEmpty();
  }
}
