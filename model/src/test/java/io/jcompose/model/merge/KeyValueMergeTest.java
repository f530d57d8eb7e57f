package io.jcompose.model.merge;

import static io.jcompose.model.merge.Yaml.at;
import static io.jcompose.model.merge.Yaml.mergedWeb;
import static io.jcompose.model.merge.Yaml.parse;
import static io.jcompose.model.merge.Yaml.plain;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class KeyValueMergeTest {

  @Test
  void merge_mergesEnvironmentMappingsAsMappings() {
    Object web =
        mergedWeb(
            "services: {web: {environment: {A: '1', B: '2'}}}",
            "services: {web: {environment: {B: '20', C: null}}}");

    assertThat(web).isEqualTo(plain("{environment: {A: '1', B: '20', C: null}}"));
  }

  @Test
  void merge_appendsEnvironmentListAndMappingReplacingDuplicateKeysInPlace() {
    Object web =
        mergedWeb(
            "services: {web: {environment: [A=1, B=2, C]}}",
            "services: {web: {environment: {D: '4', B: '20', A: null}}}");

    assertThat(web).isEqualTo(plain("{environment: [A, B=20, C, D=4]}"));
  }

  @Test
  void merge_sortsEnvironmentMappingWhenConvertingToList() {
    Object web =
        mergedWeb(
            "services: {web: {environment: {Z: '1', A: '2', M: 3, FLAG: true}}}",
            "services: {web: {environment: [N=5]}}");

    assertThat(web).isEqualTo(plain("{environment: [A=2, FLAG=true, M=3, Z=1, N=5]}"));
  }

  @Test
  void merge_appendsLabelsListsWithLaterKeyWinning() {
    Object web =
        mergedWeb(
            "services: {web: {labels: [com.example.a=1, com.example.b=2]}}",
            "services: {web: {labels: [com.example.a=10, com.example.c=3]}}");

    assertThat(web)
        .isEqualTo(plain("{labels: [com.example.a=10, com.example.b=2, com.example.c=3]}"));
  }

  @Test
  void merge_convertsAnnotationsToListWhenFormsDiffer() {
    Object web =
        mergedWeb(
            "services: {web: {annotations: {com.example.x: a}}}",
            "services: {web: {annotations: [com.example.y=b]}}");

    assertThat(web).isEqualTo(plain("{annotations: [com.example.x=a, com.example.y=b]}"));
  }

  @Test
  void merge_mergesSysctlsWithLaterKeyWinning() {
    Object web =
        mergedWeb(
            "services: {web: {sysctls: [net.core.somaxconn=1024, net.ipv4.tcp_syncookies=0]}}",
            "services: {web: {sysctls: {net.core.somaxconn: 2048}}}");

    assertThat(web)
        .isEqualTo(plain("{sysctls: [net.core.somaxconn=2048, net.ipv4.tcp_syncookies=0]}"));
  }

  @Test
  void merge_mergesBuildArgsLabelsAndAdditionalContexts() {
    Object web =
        mergedWeb(
            """
            services:
              web:
                build:
                  context: .
                  args: [VERSION=1, DEBUG]
                  labels: {a: '1'}
                  additional_contexts: [base=../base]
            """,
            """
            services:
              web:
                build:
                  args: {VERSION: '2'}
                  labels: {b: '2'}
                  additional_contexts: {base: docker-image://alpine, extra: ./extra}
            """);

    assertThat(web)
        .isEqualTo(
            plain(
                """
                build:
                  context: .
                  args: [VERSION=2, DEBUG]
                  labels: {a: '1', b: '2'}
                  additional_contexts: [base=docker-image://alpine, extra=./extra]
                """));
  }

  @Test
  void merge_mergesDeployLabels() {
    Object web =
        mergedWeb(
            "services: {web: {deploy: {labels: [a=1], replicas: 2}}}",
            "services: {web: {deploy: {labels: {a: '2', b: '3'}}}}");

    assertThat(web).isEqualTo(plain("{deploy: {labels: [a=2, b=3], replicas: 2}}"));
  }

  @Test
  void merge_mergesTopLevelNetworkAndVolumeLabels() {
    var merged =
        Merger.mergeDocuments(
            parse(
                "base.yaml",
                """
                networks: {front: {driver: bridge, labels: [tier=web, team=a]}}
                volumes: {data: {labels: {backup: daily}}}
                """),
            parse(
                "override.yaml",
                """
                networks: {front: {labels: {team: b}}}
                volumes: {data: {labels: [backup=hourly, keep=yes]}}
                """));

    assertThat(at(merged, "networks").toPlain())
        .isEqualTo(plain("{front: {driver: bridge, labels: [tier=web, team=b]}}"));
    assertThat(at(merged, "volumes").toPlain())
        .isEqualTo(plain("{data: {labels: [backup=hourly, keep=yes]}}"));
  }
}
