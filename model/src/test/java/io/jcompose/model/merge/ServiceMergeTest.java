package io.jcompose.model.merge;

import static io.jcompose.model.merge.Yaml.mergedWeb;
import static io.jcompose.model.merge.Yaml.plain;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ServiceMergeTest {

  @Test
  void merge_replacesScalarsAndMergesMappingsKeyByKey() {
    Object web =
        mergedWeb(
            """
            services:
              web:
                image: nginx:1
                restart: always
                deploy: {replicas: 1, resources: {limits: {cpus: "1"}}}
            """,
            """
            services:
              web:
                image: nginx:2
                deploy: {resources: {limits: {memory: 1g}}}
            """);

    assertThat(web)
        .isEqualTo(
            plain(
                """
                image: nginx:2
                restart: always
                deploy: {replicas: 1, resources: {limits: {cpus: "1", memory: 1g}}}
                """));
  }

  @Test
  void merge_appendsPlainSequences() {
    Object web =
        mergedWeb(
            "services: {web: {security_opt: [label:a], group_add: [staff]}}",
            "services: {web: {security_opt: [label:b], group_add: [staff]}}");

    assertThat(web)
        .isEqualTo(plain("{security_opt: [label:a, label:b], group_add: [staff, staff]}"));
  }

  @Test
  void merge_keepsInheritedValueWhenOverrideIsNull() {
    Object web =
        mergedWeb("services: {web: {image: nginx, user: root}}", "services: {web: {user: null}}");

    assertThat(web).isEqualTo(plain("{image: nginx, user: root}"));
  }

  @Test
  void merge_replacesCommandInsteadOfAppending() {
    Object web =
        mergedWeb(
            "services: {web: {command: [npm, start]}}",
            "services: {web: {command: [npm, run, dev]}}");

    assertThat(web).isEqualTo(plain("{command: [npm, run, dev]}"));
  }

  @Test
  void merge_replacesEntrypointInsteadOfAppending() {
    Object web =
        mergedWeb(
            "services: {web: {entrypoint: [/bin/sh, -c]}}",
            "services: {web: {entrypoint: /docker-entrypoint.sh}}");

    assertThat(web).isEqualTo(plain("{entrypoint: /docker-entrypoint.sh}"));
  }

  @Test
  void merge_replacesHealthcheckTestButMergesTheRestOfHealthcheck() {
    Object web =
        mergedWeb(
            "services: {web: {healthcheck: {test: [CMD, curl, a], interval: 5s}}}",
            "services: {web: {healthcheck: {test: [CMD, wget, b], retries: 3}}}");

    assertThat(web)
        .isEqualTo(plain("{healthcheck: {test: [CMD, wget, b], interval: 5s, retries: 3}}"));
  }

  @Test
  void merge_unifiesBuildStringAndMappingThenMerges() {
    Object web =
        mergedWeb(
            "services: {web: {build: ./app}}",
            "services: {web: {build: {dockerfile: Dockerfile.dev, target: dev}}}");

    assertThat(web)
        .isEqualTo(plain("{build: {context: ./app, dockerfile: Dockerfile.dev, target: dev}}"));
  }

  @Test
  void merge_replacesBuildContextWhenOverrideIsAString() {
    Object web =
        mergedWeb(
            "services: {web: {build: {context: ./app, dockerfile: D}}}",
            "services: {web: {build: ./other}}");

    assertThat(web).isEqualTo(plain("{build: {context: ./other, dockerfile: D}}"));
  }

  @Test
  void merge_unifiesDependsOnListAndMapping() {
    Object web =
        mergedWeb(
            "services: {web: {depends_on: [db, cache]}}",
            "services: {web: {depends_on: {db: {condition: service_healthy}, queue: {condition:"
                + " service_started}}}}");

    assertThat(web)
        .isEqualTo(
            plain(
                """
                depends_on:
                  db: {condition: service_healthy, required: true}
                  cache: {condition: service_started, required: true}
                  queue: {condition: service_started}
                """));
  }

  @Test
  void merge_unifiesServiceNetworksListAndMapping() {
    Object web =
        mergedWeb(
            "services: {web: {networks: [front, back]}}",
            "services: {web: {networks: {back: {aliases: [api]}, admin: null}}}");

    assertThat(web)
        .isEqualTo(plain("{networks: {front: null, back: {aliases: [api]}, admin: null}}"));
  }

  @Test
  void merge_keepsNetworkAttachmentWhenOverrideListsItAgain() {
    Object web =
        mergedWeb(
            "services: {web: {networks: {front: {aliases: [www], priority: 10}}}}",
            "services: {web: {networks: [front]}}");

    assertThat(web).isEqualTo(plain("{networks: {front: {aliases: [www], priority: 10}}}"));
  }

  @Test
  void merge_unifiesModelsListAndMapping() {
    Object web =
        mergedWeb(
            "services: {web: {models: [llm]}}",
            "services: {web: {models: {embed: {endpoint_var: EMBED_URL}}}}");

    assertThat(web).isEqualTo(plain("{models: {llm: null, embed: {endpoint_var: EMBED_URL}}}"));
  }

  @Test
  void merge_concatenatesExtraHostsWithoutDuplicates() {
    Object web =
        mergedWeb(
            "services: {web: {extra_hosts: [somehost=162.242.195.82, otherhost=50.31.209.229]}}",
            "services: {web: {extra_hosts: {otherhost: 50.31.209.229, newhost: 10.0.0.1}}}");

    assertThat(web)
        .isEqualTo(
            plain(
                "{extra_hosts: [somehost=162.242.195.82, otherhost=50.31.209.229,"
                    + " newhost=10.0.0.1]}"));
  }

  @Test
  void merge_concatenatesBuildExtraHostsWithoutDuplicates() {
    Object web =
        mergedWeb(
            "services: {web: {build: {context: ., extra_hosts: ['a:1.1.1.1']}}}",
            "services: {web: {build: {extra_hosts: ['a:1.1.1.1', 'b:2.2.2.2']}}}");

    assertThat(web)
        .isEqualTo(plain("{build: {context: ., extra_hosts: ['a:1.1.1.1', 'b:2.2.2.2']}}"));
  }

  @Test
  void merge_mergesLoggingOptionsWhenDriversAreEqual() {
    Object web =
        mergedWeb(
            "services: {web: {logging: {driver: json-file, options: {max-size: 10m}}}}",
            "services: {web: {logging: {driver: json-file, options: {max-file: '3'}}}}");

    assertThat(web)
        .isEqualTo(
            plain("{logging: {driver: json-file, options: {max-size: 10m, max-file: '3'}}}"));
  }

  @Test
  void merge_mergesLoggingOptionsWhenOverrideOmitsDriver() {
    Object web =
        mergedWeb(
            "services: {web: {logging: {driver: syslog, options: {tag: a}}}}",
            "services: {web: {logging: {options: {syslog-address: 'udp://x'}}}}");

    assertThat(web)
        .isEqualTo(
            plain("{logging: {driver: syslog, options: {tag: a, syslog-address: 'udp://x'}}}"));
  }

  @Test
  void merge_replacesLoggingWhenDriversDiffer() {
    Object web =
        mergedWeb(
            "services: {web: {logging: {driver: json-file, options: {max-size: 10m}}}}",
            "services: {web: {logging: {driver: syslog, options: {tag: web}}}}");

    assertThat(web).isEqualTo(plain("{logging: {driver: syslog, options: {tag: web}}}"));
  }

  @Test
  void merge_replacesEachUlimitWholesale() {
    Object web =
        mergedWeb(
            "services: {web: {ulimits: {nproc: 65535, nofile: {soft: 20000, hard: 40000}}}}",
            "services: {web: {ulimits: {nofile: {soft: 1024}}}}");

    assertThat(web).isEqualTo(plain("{ulimits: {nproc: 65535, nofile: {soft: 1024}}}"));
  }

  @Test
  void merge_unifiesDnsStringsIntoListsWithUnicity() {
    Object web =
        mergedWeb(
            "services: {web: {dns: 8.8.8.8, dns_search: a.example, dns_opt: [use-vc]}}",
            "services: {web: {dns: [9.9.9.9, 8.8.8.8], dns_search: b.example, dns_opt: use-vc}}");

    assertThat(web)
        .isEqualTo(
            plain(
                "{dns: [8.8.8.8, 9.9.9.9], dns_search: [a.example, b.example], dns_opt:"
                    + " [use-vc]}"));
  }

  @Test
  void merge_unifiesTmpfsStringIntoListWithUnicity() {
    Object web =
        mergedWeb("services: {web: {tmpfs: /run}}", "services: {web: {tmpfs: [/tmp, /run]}}");

    assertThat(web).isEqualTo(plain("{tmpfs: [/run, /tmp]}"));
  }

  @Test
  void merge_unifiesEnvFileAndLabelFileStringsIntoListsWithUnicityByPath() {
    Object web =
        mergedWeb(
            "services: {web: {env_file: .env, label_file: a.labels}}",
            """
            services:
              web:
                env_file: [{path: .env, required: false}, prod.env]
                label_file: [a.labels, b.labels]
            """);

    assertThat(web)
        .isEqualTo(
            plain(
                """
                env_file: [{path: .env, required: false}, prod.env]
                label_file: [a.labels, b.labels]
                """));
  }
}
