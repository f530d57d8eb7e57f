package io.jcompose.engine.container;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jcompose.engine.daemon.EngineParts;
import io.jcompose.engine.event.EventBus;
import io.jcompose.engine.fault.EngineFault;
import io.jcompose.engine.image.ImageUsers;
import io.jcompose.engine.logs.LogQuery;
import io.jcompose.engine.logs.LogRecord;
import io.jcompose.engine.network.Endpoint;
import io.jcompose.engine.network.NetworkRequest;
import io.jcompose.engine.testimage.BusyboxImage;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;

/**
 * The container service as the {@code /networks/{id}/connect} and {@code /disconnect} routes use
 * it: a created container's attachments change its record (compose disconnects the default network
 * and connects its own with aliases before the start), a running one is plugged in and out at once.
 */
@Timeout(120)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NetworkAttachmentsTest {

  private EngineFixture engine;
  private EngineParts parts;
  private ContainerService containers;

  @BeforeAll
  void open() throws Exception {
    engine = EngineFixture.create();
    try {
      engine.load(BusyboxImage.create());
      parts =
          EngineParts.open(
              engine.options(),
              new EventBus(Clock.systemUTC(), 100),
              Clock.systemUTC(),
              name ->
                  work -> {
                    var thread = new Thread(work, name);
                    thread.setDaemon(true);
                    return thread;
                  });
      containers = parts.containers();
      parts.networks().create(NetworkRequest.bridge("back"));
    } catch (Exception | Error e) {
      engine.close();
      throw e;
    }
  }

  @AfterAll
  void close() throws Exception {
    try {
      for (ContainerView view : containers.list(false)) {
        containers.remove(view.container().id(), true, true);
      }
      parts.close();
      assertThat(engine.leftovers()).isEmpty();
    } finally {
      engine.close();
    }
  }

  @Test
  void aCreatedContainerMovesToAnotherNetwork_andIsReachedThereByItsAlias() throws Exception {
    Container web =
        create(
            "attached-web",
            "{\"Image\":\"busybox\",\"Cmd\":[\"sh\",\"-c\","
                + "\"echo aliased > /tmp/index.html; exec httpd -f -p 80 -h /tmp\"]}");

    containers.disconnect("bridge", "attached-web", false);
    containers.connect("back", "attached-web", List.of("www"), Optional.empty());

    ContainerView created = containers.inspect("attached-web", false);
    assertThat(created.networks().values().stream().map(network -> network.name()))
        .containsExactly("back");
    assertThat(created.container().networks().get(0).aliases()).containsExactly("www");
    assertThat(created.endpoints()).isEmpty();
    containers.start(web.id());
    List<Endpoint> endpoints = containers.inspect(web.id(), false).endpoints();
    assertThat(endpoints).hasSize(1);
    assertThat(endpoints.get(0).networkName()).isEqualTo("back");
    assertThat(endpoints.get(0).dnsNames()).contains("attached-web", "www", web.shortId());

    Container probe =
        create(
            "attached-probe",
            "{\"Image\":\"busybox\",\"Cmd\":[\"sh\",\"-c\","
                + "\"/bin/busybox timeout 5 wget -q -O- http://www/\"],"
                + "\"HostConfig\":{\"NetworkMode\":\"back\"}}");
    CompletableFuture<Integer> exit = containers.await(probe.id(), WaitCondition.NEXT_EXIT);
    containers.start(probe.id());
    assertThat(exit.get()).isZero();
    assertThat(
            containers.logs(probe.id()).log().read(LogQuery.ALL).stream()
                .map(LogRecord::text)
                .collect(Collectors.joining()))
        .isEqualTo("aliased\n");
  }

  @Test
  void aRunningContainerIsPluggedInAndOutAtOnce() throws Exception {
    Container late = create("late", "{\"Image\":\"busybox\",\"Cmd\":[\"sleep\",\"100\"]}");
    containers.start(late.id());

    containers.connect("back", "late", List.of(), Optional.empty());

    assertThat(networkNames(late)).containsExactly("bridge", "back");
    assertThatThrownBy(() -> containers.connect("back", "late", List.of(), Optional.empty()))
        .isInstanceOf(EngineFault.Forbidden.class)
        .hasMessage("endpoint with name late already exists in network back");
    containers.disconnect("back", "late", false);
    assertThat(networkNames(late)).containsExactly("bridge");
    assertThat(containers.inspect("late", false).container().networks()).hasSize(1);
    assertThatThrownBy(() -> containers.disconnect("back", "late", false))
        .isInstanceOf(EngineFault.Forbidden.class);
    containers.stop("late", java.util.OptionalLong.of(0), Optional.empty());
  }

  @Test
  void hostAndSharedNamespacesCannotBeConnected_andUnknownsAreNotFound() throws Exception {
    create("on-host", "{\"Image\":\"busybox\",\"HostConfig\":{\"NetworkMode\":\"host\"}}");
    create("plain", "{\"Image\":\"busybox\"}");

    assertThatThrownBy(() -> containers.connect("back", "on-host", List.of(), Optional.empty()))
        .isInstanceOf(EngineFault.Forbidden.class);
    assertThatThrownBy(() -> containers.connect("host", "plain", List.of(), Optional.empty()))
        .isInstanceOf(EngineFault.Forbidden.class);
    assertThatThrownBy(() -> containers.connect("nowhere", "plain", List.of(), Optional.empty()))
        .isInstanceOf(EngineFault.NotFound.class)
        .hasMessage("network nowhere not found");
    assertThatThrownBy(() -> containers.connect("back", "nobody", List.of(), Optional.empty()))
        .isInstanceOf(EngineFault.NotFound.class)
        .hasMessage("No such container: nobody");
    containers.disconnect("back", "nobody", true);
  }

  @Test
  void anImageOrVolumeInUse_cannotBeRemovedUntilItsContainerIs() throws Exception {
    Container user =
        create(
            "image-user",
            "{\"Image\":\"busybox\",\"HostConfig\":{\"Binds\":[\"kept-data:/data\"]}}");

    assertThatThrownBy(() -> parts.images().remove("busybox", false))
        .isInstanceOf(EngineFault.Conflict.class)
        .hasMessageContaining("is using its referenced image");
    assertThat(parts.registry().usersOf(parts.images().inspect("busybox").id()))
        .extracting(ImageUsers.User::containerId)
        .contains(user.id());
    assertThatThrownBy(() -> parts.volumes().remove("kept-data", false))
        .isInstanceOf(EngineFault.Conflict.class)
        .hasMessage("remove kept-data: volume is in use - [" + user.id() + "]");
    assertThat(parts.registry().counts().stopped()).isPositive();
    containers.remove(user.id(), false, false);
    parts.volumes().remove("kept-data", false);
    assertThat(parts.registry().usersOf(parts.images().inspect("busybox").id()))
        .extracting(ImageUsers.User::containerId)
        .doesNotContain(user.id());
  }

  private Container create(String name, String body) throws Exception {
    return containers.create(
        CreateTranslation.toRequest(
            Optional.of(name), EngineFixture.JSON.readValue(body, CreateBody.class)));
  }

  private List<String> networkNames(Container container) {
    return containers.inspect(container.id(), false).endpoints().stream()
        .map(Endpoint::networkName)
        .toList();
  }
}
