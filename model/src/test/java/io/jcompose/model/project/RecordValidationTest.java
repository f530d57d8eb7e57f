package io.jcompose.model.project;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RecordValidationTest {

  private static Service.Process process(Map<String, String> environment) {
    return new Service.Process(
        Optional.empty(),
        Optional.empty(),
        environment,
        List.of(),
        Optional.empty(),
        Optional.empty(),
        false,
        false,
        false,
        Optional.empty(),
        Optional.empty());
  }

  private static Service.Lifecycle lifecycle(int scale) {
    return new Service.Lifecycle(
        Map.of(),
        Optional.empty(),
        Optional.empty(),
        List.of(),
        Optional.empty(),
        Optional.empty(),
        scale,
        true);
  }

  private static final Service.Networking NETWORKING =
      new Service.Networking(
          List.of(), List.of(), Map.of(), Optional.empty(), Optional.empty(), Map.of());
  private static final Service.Storage STORAGE =
      new Service.Storage(List.of(), List.of(), List.of(), List.of());
  private static final Service.Runtime RUNTIME =
      new Service.Runtime(
          false,
          false,
          List.of(),
          List.of(),
          Optional.empty(),
          Optional.empty(),
          Optional.empty(),
          Optional.empty());

  private static final ConfigDigest HASH = new ConfigDigest("{}", "0".repeat(64));

  private static Service service(String name, Optional<String> containerName, int scale) {
    return new Service(
        name,
        Optional.of("alpine"),
        Optional.empty(),
        process(Map.of()),
        NETWORKING,
        STORAGE,
        lifecycle(scale),
        RUNTIME,
        Map.of(),
        containerName,
        Optional.empty(),
        Map.of(),
        Map.of(),
        HASH);
  }

  @Test
  void service_rejectsContainerNameWithMoreThanOneReplica() {
    assertThatThrownBy(() -> service("web", Optional.of("web-1"), 2))
        .hasMessageContaining("container_name \"web-1\" and scale 2");
  }

  @Test
  void service_rejectsNameWithInvalidCharacters() {
    assertThatThrownBy(() -> service("web app", Optional.empty(), 1))
        .hasMessageContaining("invalid service name \"web app\"");
  }

  @Test
  void lifecycle_rejectsNegativeScaleAndUnknownRestart() {
    assertThatThrownBy(() -> lifecycle(-1)).hasMessageContaining("scale cannot be negative");
    assertThatThrownBy(
            () ->
                new Service.Lifecycle(
                    Map.of(),
                    Optional.empty(),
                    Optional.empty(),
                    List.of(),
                    Optional.of("sometimes"),
                    Optional.empty(),
                    1,
                    true))
        .hasMessageContaining("invalid restart \"sometimes\"");
  }

  @Test
  void lifecycle_acceptsOnFailureWithRetries() {
    var lifecycle =
        new Service.Lifecycle(
            Map.of(),
            Optional.empty(),
            Optional.empty(),
            List.of(),
            Optional.of("on-failure:3"),
            Optional.empty(),
            1,
            true);

    assertThat(lifecycle.restart()).contains("on-failure:3");
  }

  @Test
  void process_copiesEnvironmentKeepingNullValuesAndOrder() {
    var environment = new java.util.LinkedHashMap<String, String>();
    environment.put("B", null);
    environment.put("A", "1");
    var process = process(environment);
    environment.put("C", "3");

    assertThat(process.environment().keySet()).containsExactly("B", "A");
    assertThat(process.environment()).containsEntry("B", null);
  }

  @Test
  void networking_rejectsNetworkModeTogetherWithNetworks() {
    assertThatThrownBy(
            () ->
                new Service.Networking(
                    List.of(),
                    List.of(),
                    Map.of("front", ServiceNetwork.DEFAULT),
                    Optional.of("host"),
                    Optional.empty(),
                    Map.of()))
        .hasMessageContaining("cannot be combined");
  }

  @Test
  void storage_copiesItsLists() {
    var tmpfs = new ArrayList<>(List.of("/run"));
    var storage = new Service.Storage(List.of(), tmpfs, List.of(), List.of());
    tmpfs.add("/tmp");

    assertThat(storage.tmpfs()).containsExactly("/run");
  }

  @Test
  void healthcheck_rejectsTestWithUnknownKind() {
    assertThatThrownBy(
            () ->
                new Healthcheck(
                    List.of("curl"),
                    Optional.empty(),
                    Optional.empty(),
                    Optional.empty(),
                    Optional.empty(),
                    Optional.empty()))
        .hasMessageContaining("must start with CMD, CMD-SHELL or NONE");
  }

  @Test
  void healthcheck_withNoneTestIsDisabled() {
    var healthcheck =
        new Healthcheck(
            List.of("NONE"),
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            Optional.empty());

    assertThat(healthcheck.isDisabled()).isTrue();
  }

  @Test
  void dependencyCondition_parsesComposeWordsAndRejectsOthers() {
    assertThat(Dependency.Condition.parse("service_completed_successfully"))
        .isEqualTo(Dependency.Condition.SERVICE_COMPLETED_SUCCESSFULLY);
    assertThatThrownBy(() -> Dependency.Condition.parse("service_ready"))
        .hasMessageContaining("invalid depends_on condition \"service_ready\"");
  }

  @Test
  void buildSpec_rejectsDockerfileTogetherWithInlineDockerfile() {
    assertThatThrownBy(
            () ->
                new BuildSpec(
                    ".",
                    Optional.of("Dockerfile"),
                    Optional.of("FROM x"),
                    Map.of(),
                    Optional.empty(),
                    Map.of(),
                    Map.of(),
                    List.of(),
                    List.of(),
                    Map.of()))
        .hasMessageContaining("both dockerfile and dockerfile_inline");
  }

  @Test
  void resources_validateTheirSources() {
    assertThatThrownBy(
            () ->
                new ConfigFile(
                    "c",
                    "p_c",
                    Optional.empty(),
                    Optional.empty(),
                    Optional.empty(),
                    Optional.empty(),
                    false,
                    Map.of()))
        .hasMessageContaining("exactly one of file, environment or content");
    assertThatThrownBy(
            () ->
                new SecretFile(
                    "s",
                    "p_s",
                    Optional.of("a"),
                    Optional.of("B"),
                    Optional.empty(),
                    false,
                    Map.of()))
        .hasMessageContaining("exactly one of file or environment");
    assertThatThrownBy(() -> new Volume("v", "v", Optional.of("local"), Map.of(), true, Map.of()))
        .hasMessageContaining("may only set a name");
  }

  @Test
  void serviceNetwork_rejectsAddressOfTheWrongFamily() {
    assertThatThrownBy(() -> new ServiceNetwork(List.of(), Optional.of("::1"), Optional.empty(), 0))
        .hasMessageContaining("is not IPv4");
  }

  @Test
  void project_rejectsServiceFiledUnderAnotherKey() {
    assertThatThrownBy(
            () ->
                new Project(
                    "p",
                    Path.of("/p"),
                    List.of(),
                    Map.of("api", service("web", Optional.empty(), 1)),
                    Set.of(),
                    Map.of(),
                    Map.of(),
                    Map.of(),
                    Map.of(),
                    Map.of()))
        .hasMessageContaining("filed under \"api\"");
  }

  @Test
  void project_keepsServiceOrder() {
    var services = new java.util.LinkedHashMap<String, Service>();
    services.put("z", service("z", Optional.empty(), 1));
    services.put("a", service("a", Optional.empty(), 1));
    var project =
        new Project(
            "p",
            Path.of("/p"),
            List.of(),
            services,
            Set.of(),
            Map.of(),
            Map.of(),
            Map.of(),
            Map.of(),
            new HashMap<>());

    assertThat(project.services().keySet()).containsExactly("z", "a");
  }

  @Test
  void ipAddresses_recogniseLiteralsOnly() {
    assertThat(IpAddresses.isIp("10.0.0.1")).isTrue();
    assertThat(IpAddresses.isIp("fe80::1")).isTrue();
    assertThat(IpAddresses.isIp("::ffff:192.168.0.1")).isTrue();
    assertThat(IpAddresses.isIp("2001:db8:0:0:0:0:2:1")).isTrue();
    assertThat(IpAddresses.isIp("256.0.0.1")).isFalse();
    assertThat(IpAddresses.isIp("1::2::3")).isFalse();
    assertThat(IpAddresses.isIp("localhost")).isFalse();
  }

  @Test
  void project_threeArgumentConstructorMakesAnEmptyProject() {
    var project = new Project("p", Path.of("/p"), List.of(Path.of("/p/compose.yaml")));

    assertThat(project.services()).isEmpty();
    assertThat(project.configFiles()).containsExactly(Path.of("/p/compose.yaml"));
  }

  @Test
  void project_rejectsBlankNameAndUnknownServiceLookups() {
    assertThatThrownBy(() -> new Project(" ", Path.of("/p"), List.of()))
        .hasMessageContaining("needs a name");
    assertThatThrownBy(() -> new Project("p", Path.of("/p"), List.of()).service("web"))
        .hasMessageContaining("no service \"web\" in p");
  }

  @Test
  void service_imageNameFallsBackToProjectDashService() {
    var built =
        new Service(
            "web",
            Optional.empty(),
            Optional.empty(),
            process(Map.of()),
            NETWORKING,
            STORAGE,
            lifecycle(1),
            RUNTIME,
            Map.of(),
            Optional.empty(),
            Optional.empty(),
            Map.of(),
            Map.of(),
            HASH);

    assertThat(built.imageName("shop")).isEqualTo("shop-web");
    assertThat(service("db", Optional.empty(), 1).imageName("shop")).isEqualTo("alpine");
  }
}
