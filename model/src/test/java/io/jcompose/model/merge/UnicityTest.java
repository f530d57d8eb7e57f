package io.jcompose.model.merge;

import static io.jcompose.model.merge.Yaml.mergedWeb;
import static io.jcompose.model.merge.Yaml.plain;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class UnicityTest {

  @Test
  void merge_replacesVolumeWithSameTargetInPlace() {
    Object web =
        mergedWeb(
            "services: {web: {volumes: [./src:/app, data:/var/lib/data:ro, /cache]}}",
            """
            services:
              web:
                volumes:
                  - {type: bind, source: ./other, target: /app}
                  - other:/var/lib/data
                  - /logs
            """);

    assertThat(web)
        .isEqualTo(
            plain(
                """
                volumes:
                  - {type: bind, source: ./other, target: /app}
                  - other:/var/lib/data
                  - /cache
                  - /logs
                """));
  }

  @Test
  void merge_readsWindowsDriveLettersInVolumeShortSyntax() {
    Object web =
        mergedWeb(
            "services: {web: {volumes: ['C:\\\\data:/data']}}",
            "services: {web: {volumes: ['D:\\\\other:/data:ro']}}");

    assertThat(web).isEqualTo(plain("{volumes: ['D:\\\\other:/data:ro']}"));
  }

  @Test
  void merge_replacesDeviceWithSameContainerPath() {
    Object web =
        mergedWeb(
            "services: {web: {devices: [/dev/sda:/dev/xvda:rwm, /dev/ttyUSB0]}}",
            "services: {web: {devices: [/dev/sdb:/dev/xvda, /dev/ttyUSB0]}}");

    assertThat(web).isEqualTo(plain("{devices: [/dev/sdb:/dev/xvda, /dev/ttyUSB0]}"));
  }

  @Test
  void merge_replacesSecretWithSameTargetDefaultingToRunSecrets() {
    Object web =
        mergedWeb(
            "services: {web: {secrets: [token, {source: cert, target: /etc/cert.pem}]}}",
            """
            services:
              web:
                secrets:
                  - {source: token2, target: token}
                  - {source: cert2, target: /etc/cert.pem}
                  - key
            """);

    assertThat(web)
        .isEqualTo(
            plain(
                """
                secrets:
                  - {source: token2, target: token}
                  - {source: cert2, target: /etc/cert.pem}
                  - key
                """));
  }

  @Test
  void merge_replacesConfigWithSameTargetDefaultingToSourceAtRoot() {
    Object web =
        mergedWeb(
            "services: {web: {configs: [nginx, {source: app, target: /etc/app.conf}]}}",
            "services: {web: {configs: [{source: nginx2, target: /nginx}, app]}}");

    assertThat(web)
        .isEqualTo(
            plain(
                "{configs: [{source: nginx2, target: /nginx}, {source: app, target:"
                    + " /etc/app.conf}, app]}"));
  }

  @Test
  void merge_replacesPortsByHostIpPublishedTargetAndProtocol() {
    Object web =
        mergedWeb(
            """
            services:
              web:
                ports:
                  - "8080:80"
                  - {target: 443, published: "8443", protocol: tcp}
                  - 9000
            """,
            """
            services:
              web:
                ports:
                  - "8080:80"
                  - {target: 443, published: "8443", host_ip: 0.0.0.0, mode: host}
                  - "8080:80/udp"
                  - 9000
            """);

    assertThat(web)
        .isEqualTo(
            plain(
                """
                ports:
                  - "8080:80"
                  - {target: 443, published: "8443", host_ip: 0.0.0.0, mode: host}
                  - 9000
                  - "8080:80/udp"
                """));
  }

  @Test
  void merge_keepsExposeProfilesCapabilitiesAndLinksUnique() {
    Object web =
        mergedWeb(
            """
            services:
              web:
                expose: ["3000", 4000]
                profiles: [dev]
                cap_add: [NET_ADMIN]
                cap_drop: [ALL]
                links: [db, "cache:redis"]
            """,
            """
            services:
              web:
                expose: [4000, "5000"]
                profiles: [dev, debug]
                cap_add: [NET_ADMIN, SYS_TIME]
                cap_drop: [ALL]
                links: ["cache:redis"]
            """);

    assertThat(web)
        .isEqualTo(
            plain(
                """
                expose: ["3000", 4000, "5000"]
                profiles: [dev, debug]
                cap_add: [NET_ADMIN, SYS_TIME]
                cap_drop: [ALL]
                links: [db, "cache:redis"]
                """));
  }

  @Test
  void merge_keepsNetworkAliasesAndLinkLocalIpsUnique() {
    Object web =
        mergedWeb(
            "services: {web: {networks: {front: {aliases: [www], link_local_ips: [169.254.8.8]}}}}",
            "services: {web: {networks: {front: {aliases: [www, api], link_local_ips:"
                + " [169.254.8.8]}}}}");

    assertThat(web)
        .isEqualTo(
            plain("{networks: {front: {aliases: [www, api], link_local_ips: [169.254.8.8]}}}"));
  }

  @Test
  void merge_keepsBuildTagsUnique() {
    Object web =
        mergedWeb(
            "services: {web: {build: {context: ., tags: ['app:1', 'app:latest']}}}",
            "services: {web: {build: {tags: ['app:latest', 'app:2']}}}");

    assertThat(web)
        .isEqualTo(plain("{build: {context: ., tags: ['app:1', 'app:latest', 'app:2']}}"));
  }

  @Test
  void merge_deduplicatesKeyedListsOfANewService() {
    Object web =
        mergedWeb(
            "services: {db: {image: postgres}}",
            "services: {web: {ports: ['80:80', '80:80'], environment: [A=1, A=2]}}");

    assertThat(web).isEqualTo(plain("{ports: ['80:80'], environment: [A=2]}"));
  }
}
