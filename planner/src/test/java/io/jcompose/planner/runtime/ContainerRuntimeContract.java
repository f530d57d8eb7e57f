package io.jcompose.planner.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jcompose.planner.spi.ContainerDetails;
import io.jcompose.planner.spi.ContainerDetails.Health;
import io.jcompose.planner.spi.ContainerSpec;
import io.jcompose.planner.spi.ContainerSpec.Mount;
import io.jcompose.planner.spi.ContainerSpec.Storage;
import io.jcompose.planner.spi.ContainerStatus;
import io.jcompose.planner.spi.EndpointSpec;
import io.jcompose.planner.spi.ExecResult;
import io.jcompose.planner.spi.ExecSpec;
import io.jcompose.planner.spi.LogLine;
import io.jcompose.planner.spi.LogOptions;
import io.jcompose.planner.spi.NetworkSummary;
import io.jcompose.planner.spi.RuntimeEvent;
import io.jcompose.planner.spi.RuntimeFault;
import io.jcompose.planner.spi.RuntimeInfo;
import io.jcompose.planner.spi.Subscription;
import io.jcompose.planner.spi.VolumeSummary;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * What every {@link io.jcompose.planner.spi.ContainerRuntime} must do for the planner, written to
 * hold against a real dockerd as much as against {@link InMemoryRuntime}: a subclass gives the
 * runtime and an image with busybox's {@code sh}, {@code echo} and {@code sleep}. Tests do not
 * depend on each other or on what else the daemon holds; the only real waiting is polling for a
 * healthcheck's verdict and the one-second stop timeouts a daemon needs for {@code sleep}.
 *
 * <p>Test methods are public so that subclasses in other packages inherit them. A subclass:
 *
 * <pre>{@code
 * class DockerRuntimeContractTest extends ContainerRuntimeContract {
 *   private final ContainerRuntime docker = ...; // one per test, or shared and closed after all
 *
 *   protected ContainerRuntime runtime() { return docker; }
 *
 *   protected String testImage() { return "busybox:1.36"; } // pulled before the suite runs
 * }
 * }</pre>
 */
public abstract class ContainerRuntimeContract extends ContractFixture {

  private static final Optional<Duration> QUICK_STOP = Optional.of(Duration.ofSeconds(1));

  @Test
  public void info_namesTheEndpointAndItsPlatform() {
    RuntimeInfo info = runtime().info();

    assertThat(info.name()).isNotBlank();
    assertThat(info.apiVersion()).isNotBlank();
    assertThat(info.os()).isNotBlank();
  }

  @Test
  public void createContainer_makesACreatedContainerWithItsNameLabelsAndImage() {
    String containerId =
        runtime().createContainer(sleepingContainer("web").withLabels(labels("role", "web")));

    ContainerDetails details = runtime().inspectContainer(containerId);
    assertThat(containerId).matches("[0-9a-f]{64}");
    assertThat(details.id()).isEqualTo(containerId);
    assertThat(details.status()).isEqualTo(ContainerStatus.CREATED);
    assertThat(details.name()).isEqualTo(name("web"));
    assertThat(details.summary().labels())
        .containsEntry("role", "web")
        .containsEntry(TEST_LABEL, labels().get(TEST_LABEL));
    assertThat(details.summary().image()).isEqualTo(testImage());
    assertThat(details.summary().imageId()).startsWith("sha256:");
  }

  @Test
  public void inspectContainer_findsAContainerByNameAndByIdPrefix() {
    String containerId = runtime().createContainer(sleepingContainer("web"));

    assertThat(runtime().inspectContainer(name("web")).id()).isEqualTo(containerId);
    assertThat(runtime().inspectContainer(containerId.substring(0, 12)).id())
        .isEqualTo(containerId);
  }

  @Test
  public void inspectContainer_ofAMissingContainerIsNotFound() {
    assertThatThrownBy(() -> runtime().inspectContainer(name("missing")))
        .isInstanceOf(RuntimeFault.NotFound.class);
  }

  @Test
  public void createContainer_withATakenNameIsAConflict() {
    runtime().createContainer(sleepingContainer("web"));

    assertThatThrownBy(() -> runtime().createContainer(sleepingContainer("web")))
        .isInstanceOf(RuntimeFault.Conflict.class);
  }

  @Test
  public void createContainer_withAMissingImageIsNotFound() {
    ContainerSpec spec =
        ContainerSpec.simple(
                name("web"), "jcompose-contract/" + name("missing") + ":none", List.of())
            .withLabels(labels());

    assertThatThrownBy(() -> runtime().createContainer(spec))
        .isInstanceOf(RuntimeFault.NotFound.class);
  }

  @Test
  public void listContainers_returnsTheContainersWithALabelValue() {
    String webId =
        runtime().createContainer(sleepingContainer("web").withLabels(labels("role", "web")));
    runtime().createContainer(sleepingContainer("db").withLabels(labels("role", "db")));

    assertThat(ids(runtime().listContainers(ours().and("role", "web")))).containsExactly(webId);
    assertThat(runtime().listContainers(ours().and("role", "cache"))).isEmpty();
  }

  @Test
  public void listContainers_returnsTheContainersThatHaveALabel() {
    String webId =
        runtime().createContainer(sleepingContainer("web").withLabels(labels("marker", "yes")));
    runtime().createContainer(sleepingContainer("db"));

    assertThat(ids(runtime().listContainers(ours().andPresent("marker")))).containsExactly(webId);
  }

  @Test
  public void listContainers_includesContainersThatAreNotRunning() throws InterruptedException {
    String createdId = runtime().createContainer(sleepingContainer("created"));
    String exitedId = startedContainer(shellContainer("exited", "exit 0"));
    runtime().waitContainer(exitedId);

    assertThat(ids(runtime().listContainers(ours())))
        .containsExactlyInAnyOrder(createdId, exitedId);
  }

  @Test
  public void startContainer_runsTheContainer() {
    String containerId = startedContainer(sleepingContainer("web"));

    ContainerDetails details = runtime().inspectContainer(containerId);
    assertThat(details.status()).isEqualTo(ContainerStatus.RUNNING);
    assertThat(details.startedAt()).isPresent();
  }

  @Test
  public void stopContainer_leavesTheContainerExited() {
    String containerId = startedContainer(sleepingContainer("web"));

    runtime().stopContainer(containerId, QUICK_STOP);

    ContainerDetails details = runtime().inspectContainer(containerId);
    assertThat(details.status()).isEqualTo(ContainerStatus.EXITED);
    assertThat(details.finishedAt()).isPresent();
  }

  @Test
  public void killContainer_withSigkillEndsTheContainerWithExitCode137()
      throws InterruptedException {
    String containerId = startedContainer(sleepingContainer("web"));

    runtime().killContainer(containerId, "SIGKILL");

    assertThat(runtime().waitContainer(containerId)).isEqualTo(137);
    assertThat(runtime().inspectContainer(containerId).status()).isEqualTo(ContainerStatus.EXITED);
  }

  @Test
  public void waitContainer_returnsTheExitCodeOfAProgramThatExits() throws InterruptedException {
    String containerId = startedContainer(shellContainer("job", "exit 3"));

    assertThat(runtime().waitContainer(containerId)).isEqualTo(3);
    ContainerDetails details = runtime().inspectContainer(containerId);
    assertThat(details.status()).isEqualTo(ContainerStatus.EXITED);
    assertThat(details.exitCode()).isEqualTo(3);
  }

  @Test
  public void waitContainer_returnsOnceARunningContainerIsStopped() throws Exception {
    String containerId = startedContainer(sleepingContainer("web"));
    ExecutorService waiter = Executors.newSingleThreadExecutor();
    try {
      Future<Integer> exitCode = waiter.submit(() -> runtime().waitContainer(containerId));

      runtime().stopContainer(containerId, QUICK_STOP);

      assertThat(exitCode.get(DEADLINE.toSeconds(), TimeUnit.SECONDS)).isIn(137, 143);
    } finally {
      waiter.shutdownNow();
    }
  }

  @Test
  public void logs_deliverStdoutAndStderrLinesOnTheirStreamsInOrder() throws InterruptedException {
    String containerId =
        startedContainer(
            shellContainer("job", "echo one; echo two >&2; echo three; echo four >&2"));
    runtime().waitContainer(containerId);
    List<LogLine> lines = Collections.synchronizedList(new ArrayList<>());

    awaitEnd(runtime().logs(containerId, LogOptions.all(), lines::add));

    assertThat(texts(lines, LogLine.Stream.STDOUT)).containsExactly("one", "three");
    assertThat(texts(lines, LogLine.Stream.STDERR)).containsExactly("two", "four");
  }

  @Test
  public void logs_withATailDeliverOnlyTheLastLines() throws InterruptedException {
    String containerId = startedContainer(shellContainer("job", "echo 1; echo 2; echo 3"));
    runtime().waitContainer(containerId);
    List<LogLine> lines = Collections.synchronizedList(new ArrayList<>());
    var lastTwo = new LogOptions(false, Optional.of(2), Optional.empty(), Optional.empty(), false);

    awaitEnd(runtime().logs(containerId, lastTwo, lines::add));

    assertThat(texts(lines, LogLine.Stream.STDOUT)).containsExactly("2", "3");
  }

  @Test
  public void logs_followedEndWhenTheContainerStops() {
    String containerId = startedContainer(shellContainer("web", "echo ready; sleep 3600"));
    List<LogLine> lines = Collections.synchronizedList(new ArrayList<>());
    Subscription subscription = runtime().logs(containerId, LogOptions.following(), lines::add);

    runtime().stopContainer(containerId, QUICK_STOP);

    awaitEnd(subscription);
    assertThat(texts(lines, LogLine.Stream.STDOUT)).containsExactly("ready");
  }

  @Test
  public void logs_followedEndWhenTheSubscriptionIsClosed() {
    String containerId = startedContainer(sleepingContainer("web"));
    Subscription subscription = runtime().logs(containerId, LogOptions.following(), line -> {});

    subscription.close();

    awaitEnd(subscription);
    assertThat(runtime().inspectContainer(containerId).status()).isEqualTo(ContainerStatus.RUNNING);
  }

  @Test
  public void removeContainer_refusesARunningContainerWithoutForce() {
    String containerId = startedContainer(sleepingContainer("web"));

    assertThatThrownBy(() -> runtime().removeContainer(containerId, false, false))
        .isInstanceOf(RuntimeFault.Conflict.class);
    assertThat(runtime().inspectContainer(containerId).status()).isEqualTo(ContainerStatus.RUNNING);
  }

  @Test
  public void removeContainer_withForceRemovesARunningContainer() {
    String containerId = startedContainer(sleepingContainer("web"));

    runtime().removeContainer(containerId, true, false);

    assertThatThrownBy(() -> runtime().inspectContainer(containerId))
        .isInstanceOf(RuntimeFault.NotFound.class);
  }

  @Test
  public void removeContainer_ofAMissingContainerIsNotFound() {
    assertThatThrownBy(() -> runtime().removeContainer(name("missing"), true, false))
        .isInstanceOf(RuntimeFault.NotFound.class);
  }

  @Test
  public void removeContainer_withAnonymousVolumesRemovesThem() {
    Mount anonymous = new Mount(Mount.Type.VOLUME, Optional.empty(), "/data", false);
    String containerId =
        runtime()
            .createContainer(
                sleepingContainer("web").withStorage(new Storage(List.of(anonymous), List.of())));
    String volumeName = volumeMountedAt(containerId, "/data");
    assertThat(runtime().inspectVolume(volumeName)).isPresent();

    runtime().removeContainer(containerId, false, true);

    assertThat(runtime().inspectVolume(volumeName)).isEmpty();
  }

  @Test
  public void renameContainer_givesTheContainerItsNewName() {
    String containerId = runtime().createContainer(sleepingContainer("old"));

    runtime().renameContainer(containerId, name("new"));

    assertThat(runtime().inspectContainer(name("new")).id()).isEqualTo(containerId);
    assertThatThrownBy(() -> runtime().inspectContainer(name("old")))
        .isInstanceOf(RuntimeFault.NotFound.class);
  }

  @Test
  public void renameContainer_toATakenNameIsAConflict() {
    String containerId = runtime().createContainer(sleepingContainer("web"));
    runtime().createContainer(sleepingContainer("db"));

    assertThatThrownBy(() -> runtime().renameContainer(containerId, name("db")))
        .isInstanceOf(RuntimeFault.Conflict.class);
  }

  @Test
  public void createNetwork_makesANetworkThatCanBeListedAndInspected() {
    String networkId = runtime().createNetwork(network("net"));

    assertThat(runtime().listNetworks(ours()))
        .extracting(NetworkSummary::id)
        .containsExactly(networkId);
    NetworkSummary byName = runtime().inspectNetwork(name("net")).orElseThrow();
    assertThat(byName.id()).isEqualTo(networkId);
    assertThat(byName.labels()).containsEntry(TEST_LABEL, labels().get(TEST_LABEL));
    assertThat(runtime().inspectNetwork(networkId).orElseThrow().name()).isEqualTo(name("net"));
  }

  @Test
  public void createNetwork_withATakenNameIsAConflict() {
    runtime().createNetwork(network("net"));

    assertThatThrownBy(() -> runtime().createNetwork(network("net")))
        .isInstanceOf(RuntimeFault.Conflict.class);
  }

  @Test
  public void removeNetwork_removesTheNetwork() {
    String networkId = runtime().createNetwork(network("net"));

    runtime().removeNetwork(networkId);

    assertThat(runtime().inspectNetwork(name("net"))).isEmpty();
  }

  @Test
  public void removeNetwork_ofAMissingNetworkIsNotFound() {
    assertThatThrownBy(() -> runtime().removeNetwork(name("missing")))
        .isInstanceOf(RuntimeFault.NotFound.class);
  }

  @Test
  public void createContainer_withAnEndpointAttachesTheContainerToTheNetwork() {
    String networkId = runtime().createNetwork(network("net"));

    String containerId = startedContainer(onNetwork(sleepingContainer("web"), name("net")));

    assertThat(runtime().inspectContainer(containerId).summary().networks())
        .containsEntry(name("net"), networkId);
    assertThat(runtime().inspectNetwork(networkId).orElseThrow().containerIds())
        .contains(containerId);
  }

  @Test
  public void removeNetwork_withARunningContainerAttachedIsAConflict() {
    String networkId = runtime().createNetwork(network("net"));
    startedContainer(onNetwork(sleepingContainer("web"), name("net")));

    assertThatThrownBy(() -> runtime().removeNetwork(networkId))
        .isInstanceOf(RuntimeFault.Conflict.class);
  }

  @Test
  public void connectNetwork_attachesARunningContainerAndDisconnectDetachesIt() {
    String networkId = runtime().createNetwork(network("net"));
    String containerId = startedContainer(sleepingContainer("web"));

    runtime().connectNetwork(networkId, containerId, EndpointSpec.aliases(List.of("web")));
    assertThat(runtime().inspectContainer(containerId).summary().networks())
        .containsEntry(name("net"), networkId);

    runtime().disconnectNetwork(networkId, containerId, false);
    assertThat(runtime().inspectContainer(containerId).summary().networks())
        .doesNotContainKey(name("net"));
  }

  @Test
  public void createVolume_makesAVolumeThatCanBeListedAndInspected() {
    VolumeSummary created = runtime().createVolume(volume("data"));

    assertThat(created.name()).isEqualTo(name("data"));
    assertThat(created.driver()).isEqualTo("local");
    assertThat(runtime().listVolumes(ours()))
        .extracting(VolumeSummary::name)
        .containsExactly(name("data"));
    assertThat(runtime().inspectVolume(name("data")).orElseThrow().labels())
        .containsEntry(TEST_LABEL, labels().get(TEST_LABEL));
  }

  @Test
  public void createVolume_ofAnExistingVolumeReturnsIt() {
    runtime().createVolume(volume("data"));

    assertThat(runtime().createVolume(volume("data")).name()).isEqualTo(name("data"));
    assertThat(runtime().listVolumes(ours())).hasSize(1);
  }

  @Test
  public void removeVolume_removesTheVolume() {
    runtime().createVolume(volume("data"));

    runtime().removeVolume(name("data"), false);

    assertThat(runtime().inspectVolume(name("data"))).isEmpty();
  }

  @Test
  public void removeVolume_ofAVolumeInUseIsAConflict() {
    runtime().createVolume(volume("data"));
    runtime().createContainer(withVolume(sleepingContainer("web"), name("data"), "/data"));

    assertThatThrownBy(() -> runtime().removeVolume(name("data"), false))
        .isInstanceOf(RuntimeFault.Conflict.class);
    assertThat(runtime().inspectVolume(name("data"))).isPresent();
  }

  @Test
  public void createContainer_withANamedVolumeMountCreatesTheVolumeAndShowsTheMount() {
    String containerId =
        startedContainer(withVolume(sleepingContainer("web"), name("data"), "/data"));

    assertThat(runtime().inspectVolume(name("data"))).isPresent();
    assertThat(volumeMountedAt(containerId, "/data")).isEqualTo(name("data"));
  }

  @Test
  public void inspectImage_findsTheTestImage() {
    assertThat(runtime().inspectImage(testImage()).orElseThrow().id()).startsWith("sha256:");
  }

  @Test
  public void inspectImage_ofAMissingImageIsEmpty() {
    assertThat(runtime().inspectImage("jcompose-contract/" + name("missing") + ":none")).isEmpty();
  }

  @Test
  public void exec_returnsTheOutputAndExitCodeOfTheCommand() throws InterruptedException {
    String containerId = startedContainer(sleepingContainer("web"));

    ExecResult result =
        runtime()
            .exec(containerId, ExecSpec.of(List.of("sh", "-c", "echo out; echo err >&2; exit 4")));

    assertThat(result).isEqualTo(new ExecResult(4, "out\n", "err\n"));
  }

  @Test
  public void exec_inAContainerThatIsNotRunningIsAConflict() {
    String containerId = runtime().createContainer(sleepingContainer("web"));

    assertThatThrownBy(() -> runtime().exec(containerId, ExecSpec.of(List.of("true"))))
        .isInstanceOf(RuntimeFault.Conflict.class);
  }

  @Test
  public void events_deliverTheStartOfAContainerToASubscriberFilteredByItsLabel()
      throws InterruptedException {
    List<RuntimeEvent> seen = Collections.synchronizedList(new ArrayList<>());
    var watchedStarted = new CountDownLatch(1);
    String otherId;
    String watchedId;
    try (Subscription subscription =
        runtime()
            .events(
                ours().and("role", "watched"),
                event -> {
                  seen.add(event);
                  if (event.type().equals("container") && event.action().equals("start")) {
                    watchedStarted.countDown();
                  }
                })) {
      otherId = startedContainer(sleepingContainer("other").withLabels(labels("role", "other")));
      watchedId =
          startedContainer(sleepingContainer("watched").withLabels(labels("role", "watched")));

      assertThat(watchedStarted.await(DEADLINE.toSeconds(), TimeUnit.SECONDS)).isTrue();
    }
    assertThat(seen)
        .anySatisfy(
            event -> {
              assertThat(event.actorId()).isEqualTo(watchedId);
              assertThat(event.action()).isEqualTo("start");
              assertThat(event.attributes()).containsEntry("name", name("watched"));
            });
    assertThat(seen).noneMatch(event -> event.actorId().equals(otherId));
  }

  @Test
  public void health_isAbsentWithoutAHealthcheck() {
    String containerId = startedContainer(sleepingContainer("web"));

    assertThat(runtime().inspectContainer(containerId).health()).isEmpty();
  }

  @Test
  public void health_aPassingCheckMakesTheContainerHealthy() throws InterruptedException {
    String containerId = startedContainer(withHealthcheck(sleepingContainer("web"), "true", 3));

    awaitDetails(
        containerId, details -> details.health().equals(Optional.of(Health.HEALTHY)), "healthy");
  }

  @Test
  public void health_aFailingCheckMakesTheContainerUnhealthy() throws InterruptedException {
    String containerId = startedContainer(withHealthcheck(sleepingContainer("web"), "false", 1));

    awaitDetails(
        containerId,
        details -> details.health().equals(Optional.of(Health.UNHEALTHY)),
        "unhealthy");
  }
}
