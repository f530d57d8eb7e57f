package io.jcompose.model.canonical;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ShortToLongTest {

  @Test
  void build_stringBecomesContext() {
    var result = Fixture.forms("services: {app: {build: ./app}}");

    assertThat(result.service("app", "build")).isEqualTo(Map.of("context", "./app"));
  }

  @Test
  void build_dockerfileDefaultsToDockerfileWhenNormalizing() {
    var result =
        Fixture.run("services: {app: {build: ./app}}", Fixture.context(true, false, Map.of()));

    assertThat(result.service("app", "build"))
        .isEqualTo(Map.of("context", "./app", "dockerfile", "Dockerfile"));
  }

  @Test
  void build_sshListBecomesMapWithNullDefault() {
    var result =
        Fixture.forms("services: {app: {build: {context: ., ssh: [default, 'key=./id_rsa']}}}");

    var expected = new HashMap<String, Object>();
    expected.put("default", null);
    expected.put("key", "./id_rsa");
    assertThat(result.service("app", "build", "ssh")).isEqualTo(expected);
  }

  @Test
  void build_inlineDockerfileGetsNoDefaultDockerfileButDefaultContext() {
    var result =
        Fixture.run(
            "services: {app: {build: {dockerfile_inline: 'FROM alpine'}}}",
            Fixture.context(true, false, Map.of()));

    assertThat(result.service("app", "build"))
        .isEqualTo(Map.of("dockerfile_inline", "FROM alpine", "context", "."));
  }

  @Test
  void build_argsListBecomesMapAndBareArgStaysNullWithoutNormalization() {
    var result = Fixture.forms("services: {app: {build: {context: ., args: [A=1, B]}}}");

    var expected = new HashMap<String, Object>();
    expected.put("A", "1");
    expected.put("B", null);
    assertThat(result.service("app", "build", "args")).isEqualTo(expected);
  }

  @Test
  void build_bareArgIsResolvedOrDroppedWhenNormalizing() {
    var result =
        Fixture.run(
            "services: {app: {build: {context: ., args: [A, B]}}}",
            Fixture.context(true, false, Map.of("A", "from-env")));

    assertThat(result.service("app", "build", "args")).isEqualTo(Map.of("A", "from-env"));
  }

  @Test
  void dependsOn_listBecomesStartedRequiredMap() {
    var result = Fixture.forms("services: {web: {image: x, depends_on: [db]}, db: {image: y}}");

    assertThat(result.service("web", "depends_on"))
        .isEqualTo(Map.of("db", Map.of("condition", "service_started", "required", true)));
  }

  @Test
  void dependsOn_mapKeepsConditionAndDefaultsRequired() {
    var result =
        Fixture.forms(
            "services: {web: {image: x, depends_on: {db: {condition: service_healthy}}}}");

    assertThat(result.service("web", "depends_on", "db"))
        .isEqualTo(Map.of("condition", "service_healthy", "required", true));
  }

  @Test
  void envFile_stringAndListBecomePathEntriesKeepingFormat() {
    var single = Fixture.forms("services: {a: {image: x, env_file: .env}}");
    var list =
        Fixture.forms(
            "services: {a: {image: x, env_file: [a.env, {path: b.env, required: false,"
                + " format: raw}]}}");

    assertThat(single.service("a", "env_file"))
        .isEqualTo(List.of(Map.of("path", ".env", "required", true)));
    assertThat(list.service("a", "env_file"))
        .isEqualTo(
            List.of(
                Map.of("path", "a.env", "required", true),
                Map.of("path", "b.env", "required", false, "format", "raw")));
  }

  @Test
  void environment_listBecomesMapAndBareKeysAreLookedUpOrUnset() {
    var result =
        Fixture.run(
            "services: {a: {image: x, environment: [A=1, B=x=y, HOME_DIR, MISSING, 'EMPTY=']}}",
            Fixture.context(false, false, Map.of("HOME_DIR", "/home/me")));

    var expected = new HashMap<String, Object>();
    expected.put("A", "1");
    expected.put("B", "x=y");
    expected.put("HOME_DIR", "/home/me");
    expected.put("MISSING", null);
    expected.put("EMPTY", "");
    assertThat(result.service("a", "environment")).isEqualTo(expected);
  }

  @Test
  void environment_mapValuesBecomeStrings() {
    var result = Fixture.forms("services: {a: {image: x, environment: {N: 1, B: true}}}");

    assertThat(result.service("a", "environment")).isEqualTo(Map.of("N", "1", "B", "true"));
  }

  @Test
  void labelsAndSysctls_listsBecomeMapsAndBareLabelIsEmpty() {
    var result =
        Fixture.forms(
            "services: {a: {image: x, labels: [com.x=1, flag],"
                + " sysctls: {net.core.somaxconn: 1024}}}");

    assertThat(result.service("a", "labels")).isEqualTo(Map.of("com.x", "1", "flag", ""));
    assertThat(result.service("a", "sysctls")).isEqualTo(Map.of("net.core.somaxconn", "1024"));
  }

  @Test
  void extraHosts_bothSeparatorsBecomeMapAndRepeatedHostsAList() {
    var result =
        Fixture.forms(
            "services: {a: {image: x, extra_hosts: ['db=10.0.0.2', 'cache:10.0.0.3',"
                + " 'v6:::1', 'db=10.0.0.4']}}");

    assertThat(result.service("a", "extra_hosts"))
        .isEqualTo(Map.of("db", List.of("10.0.0.2", "10.0.0.4"), "cache", "10.0.0.3", "v6", "::1"));
  }

  @Test
  void stringOrListAttributes_becomeListsAndEmptyDnsEntriesAreDropped() {
    var result =
        Fixture.forms(
            "services: {a: {image: x, tmpfs: /run, dns: ['', 8.8.8.8], dns_search: example.com,"
                + " label_file: ./labels}}");

    assertThat(result.service("a", "tmpfs")).isEqualTo(List.of("/run"));
    assertThat(result.service("a", "dns")).isEqualTo(List.of("8.8.8.8"));
    assertThat(result.service("a", "dns_search")).isEqualTo(List.of("example.com"));
    assertThat(result.service("a", "label_file")).isEqualTo(List.of("./labels"));
  }

  @Test
  void secretsGetDefaultTargetButConfigsKeepOnlyAGivenTarget() {
    var result =
        Fixture.forms(
            "services: {a: {image: x, secrets: [token, {source: key, target: /k}],"
                + " configs: [app, {source: nginx, target: /etc/nginx.conf}]}}");

    assertThat(result.service("a", "secrets"))
        .isEqualTo(
            List.of(
                Map.of("source", "token", "target", "/run/secrets/token"),
                Map.of("source", "key", "target", "/k")));
    assertThat(result.service("a", "configs"))
        .isEqualTo(
            List.of(
                Map.of("source", "app"), Map.of("source", "nginx", "target", "/etc/nginx.conf")));
  }

  @Test
  void networksList_becomesMapOfNull() {
    var result = Fixture.forms("services: {a: {image: x, networks: [front, back]}}");

    var expected = new HashMap<String, Object>();
    expected.put("front", null);
    expected.put("back", null);
    assertThat(result.service("a", "networks")).isEqualTo(expected);
  }

  @Test
  void devices_stringsBecomeSourceTargetPermissions() {
    var result =
        Fixture.forms(
            "services: {a: {image: x, devices: [/dev/fuse, '/dev/sda:/dev/xvda:r', '/dev/kvm:/dev/vm']}}");

    assertThat(result.service("a", "devices"))
        .isEqualTo(
            List.of(
                Map.of("source", "/dev/fuse", "target", "/dev/fuse", "permissions", "rwm"),
                Map.of("source", "/dev/sda", "target", "/dev/xvda", "permissions", "r"),
                Map.of("source", "/dev/kvm", "target", "/dev/vm", "permissions", "rwm")));
  }

  @Test
  void healthcheck_stringTestBecomesCmdShellAndDisableBecomesNone() {
    var shell = Fixture.forms("services: {a: {image: x, healthcheck: {test: 'curl -f x'}}}");
    var disabled = Fixture.forms("services: {a: {image: x, healthcheck: {disable: true}}}");

    assertThat(shell.service("a", "healthcheck", "test"))
        .isEqualTo(List.of("CMD-SHELL", "curl -f x"));
    assertThat(disabled.service("a", "healthcheck", "test")).isEqualTo(List.of("NONE"));
  }

  @Test
  void healthcheck_listTestWithUnknownKindIsAnError() {
    var result = Fixture.forms("services: {a: {image: x, healthcheck: {test: [curl, x]}}}");

    assertThat(result.errors()).singleElement().asString().contains("must start with CMD");
  }

  @Test
  void command_stringIsSplitShellStyleAndEmptyStringClears() {
    var result =
        Fixture.forms(
            "services: {a: {image: x, command: 'sh -c \"echo hi there\" ''a b''',"
                + " entrypoint: ''}}");

    assertThat(result.service("a", "command"))
        .isEqualTo(List.of("sh", "-c", "echo hi there", "a b"));
    assertThat(result.service("a", "entrypoint")).isEqualTo(List.of());
  }

  @Test
  void command_unclosedQuoteIsAnError() {
    var result = Fixture.forms("services: {a: {image: x, command: 'echo \"oops'}}");

    assertThat(result.errors())
        .containsExactly("invalid command \"echo \"oops\": unclosed double quote");
  }

  @Test
  void pullPolicy_ifNotPresentBecomesMissing() {
    var result = Fixture.forms("services: {a: {image: x, pull_policy: if_not_present}}");

    assertThat(result.service("a", "pull_policy")).isEqualTo("missing");
  }

  @Test
  void gpusAll_becomesCountAll() {
    var result = Fixture.forms("services: {a: {image: x, gpus: all}}");

    assertThat(result.service("a", "gpus")).isEqualTo(List.of(Map.of("count", "all")));
  }

  @Test
  void unrelatedAttributes_areLeftAsWritten() {
    var result = Fixture.forms("services: {a: {image: x, cap_add: [NET_ADMIN], x-note: [1, 2]}}");

    assertThat(result.service("a", "cap_add")).isEqualTo(List.of("NET_ADMIN"));
    assertThat(result.service("a", "x-note")).isEqualTo(Arrays.asList(1L, 2L));
  }

  @Test
  void buildSecretsAndWatchIgnoreShortFormsBecomeLongForms() {
    var result =
        Fixture.forms(
            "services: {a: {build: {context: ., secrets: [npmrc]},"
                + " develop: {watch: [{path: ./src, action: sync, target: /app, ignore: node_modules}]}}}");

    assertThat(result.service("a", "build", "secrets"))
        .isEqualTo(List.of(Map.of("source", "npmrc")));
    assertThat(result.service("a", "develop", "watch", 0, "ignore"))
        .isEqualTo(List.of("node_modules"));
  }
}
