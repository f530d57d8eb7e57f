package io.jcompose.adapter;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DockerfileSourcesTest {

  @Test
  void copiedOnly_collectsTheLiteralSourcesOfCopyAndAddFromTheContext() {
    String dockerfile =
        """
        FROM busybox
        COPY --from=tools bin/ls /usr/local/bin/
        ADD --chown=1:1 --from=TOOLS ./share/doc/ /docs/
        COPY --from=other anything /x
        COPY app /app
        """;

    assertThat(DockerfileSources.copiedOnly(dockerfile, "tools"))
        .hasValueSatisfying(
            sources -> assertThat(sources).containsExactlyInAnyOrder("bin/ls", "share/doc"));
  }

  @Test
  void copiedOnly_readsContinuationLinesJsonFormAndFlagsBeforeTheSources() {
    String dockerfile =
        """
        # syntax=docker/dockerfile:1
        FROM busybox
        COPY --link \\
          # a comment inside the instruction
          --from=tools \\
          /bin/cat bin/sh \\
          /out/
        COPY --from=tools ["lib/one file", "/lib/x"]
        """;

    assertThat(DockerfileSources.copiedOnly(dockerfile, "tools"))
        .hasValueSatisfying(
            sources ->
                assertThat(sources).containsExactlyInAnyOrder("bin/cat", "bin/sh", "lib/one file"));
  }

  @Test
  void copiedOnly_honoursTheEscapeDirective() {
    String dockerfile =
        """
        # escape=`
        FROM busybox
        COPY --from=tools `
          a/b c:\\out
        """;

    assertThat(DockerfileSources.copiedOnly(dockerfile, "tools"))
        .hasValueSatisfying(sources -> assertThat(sources).containsExactly("a/b"));
  }

  @Test
  void copiedOnly_isEmptyWhenTheContextIsUsedOtherwiseOrNotLiterally() {
    assertThat(DockerfileSources.copiedOnly("FROM tools\nRUN true\n", "tools")).isEmpty();
    assertThat(DockerfileSources.copiedOnly("FROM busybox AS b\nFROM tools AS c\n", "TOOLS"))
        .isEmpty();
    assertThat(
            DockerfileSources.copiedOnly(
                "FROM busybox\nRUN --mount=type=bind,from=tools,target=/t ls /t\n", "tools"))
        .isEmpty();
    assertThat(
            DockerfileSources.copiedOnly("FROM busybox\nCOPY --from=tools *.so /lib/\n", "tools"))
        .isEmpty();
    assertThat(
            DockerfileSources.copiedOnly("FROM busybox\nCOPY --from=tools $DIR/x /lib/\n", "tools"))
        .isEmpty();
    assertThat(
            DockerfileSources.copiedOnly("FROM busybox\nCOPY --from=tools lib[12] /l/\n", "tools"))
        .isEmpty();
    assertThat(DockerfileSources.copiedOnly("FROM busybox\nCOPY --from=tools . /all/\n", "tools"))
        .isEmpty();
    assertThat(
            DockerfileSources.copiedOnly("FROM busybox\nONBUILD COPY --from=tools * /\n", "tools"))
        .isEmpty();
  }

  @Test
  void copiedOnly_needsTheWholeContextForAQuotedSource() {
    assertThat(
            DockerfileSources.copiedOnly(
                "FROM busybox\nCOPY --from=tools \"busybox\" /bin/busybox\n", "tools"))
        .isEmpty();
    assertThat(
            DockerfileSources.copiedOnly(
                "FROM busybox\nCOPY --from=tools 'my file' /bin/x\n", "tools"))
        .isEmpty();
  }

  @Test
  void copiedOnly_countsAQuotedStageAsThisContext() {
    assertThat(DockerfileSources.copiedOnly("FROM busybox\nCOPY --from=\"tools\" x /x\n", "tools"))
        .hasValueSatisfying(sources -> assertThat(sources).containsExactly("x"));
  }

  @Test
  void copiedOnly_countsAVariableStageAsThisContext() {
    assertThat(DockerfileSources.copiedOnly("FROM busybox\nCOPY --from=$SRC x /x\n", "tools"))
        .hasValueSatisfying(sources -> assertThat(sources).containsExactly("x"));
    assertThat(DockerfileSources.copiedOnly("ARG BASE\nFROM ${BASE}\n", "tools")).isEmpty();
  }

  @Test
  void copiedOnly_ofAnUnusedContext_isNothing() {
    assertThat(DockerfileSources.copiedOnly("FROM busybox\nCOPY a /a\n", "tools"))
        .hasValueSatisfying(sources -> assertThat(sources).isEmpty());
  }
}
