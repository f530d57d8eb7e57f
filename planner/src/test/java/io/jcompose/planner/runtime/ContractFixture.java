package io.jcompose.planner.runtime;

import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.jcompose.planner.spi.ContainerDetails;
import io.jcompose.planner.spi.ContainerRuntime;
import io.jcompose.planner.spi.ContainerSpec;
import io.jcompose.planner.spi.ContainerSpec.HealthSpec;
import io.jcompose.planner.spi.ContainerSpec.Mount;
import io.jcompose.planner.spi.ContainerSpec.Networking;
import io.jcompose.planner.spi.ContainerSpec.Storage;
import io.jcompose.planner.spi.ContainerSummary;
import io.jcompose.planner.spi.ContainerSummary.MountPoint;
import io.jcompose.planner.spi.EndpointSpec;
import io.jcompose.planner.spi.LabelFilter;
import io.jcompose.planner.spi.LogLine;
import io.jcompose.planner.spi.NetworkSpec;
import io.jcompose.planner.spi.NetworkSummary;
import io.jcompose.planner.spi.RuntimeFault;
import io.jcompose.planner.spi.Subscription;
import io.jcompose.planner.spi.VolumeSpec;
import io.jcompose.planner.spi.VolumeSummary;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * What {@link ContainerRuntimeContract} needs around its tests: every resource a test makes is
 * named with a prefix unique to the test and labelled {@link #TEST_LABEL}{@code =prefix}, so the
 * resources of one test never meet another's and {@link #removeWhatTheTestMade()} can remove them
 * all from a shared daemon (containers forced with their anonymous volumes, then networks, then
 * volumes labelled or named with the prefix).
 */
public abstract class ContractFixture {

  /** The label on everything a contract test makes; its value is the test's prefix. */
  protected static final String TEST_LABEL = "io.jcompose.contract";

  /** How long a real daemon may take to reach a state that is polled for. */
  protected static final Duration DEADLINE = Duration.ofSeconds(30);

  private String prefix;

  /** The runtime under test; the same instance for the whole of one test. */
  protected abstract ContainerRuntime runtime();

  /** A local image with busybox's {@code sh}, {@code echo} and {@code sleep}. */
  protected abstract String testImage();

  /**
   * Waits between two inspections of a state a real daemon reaches in its own time (a healthcheck's
   * verdict). Runtimes whose state changes at once may override it to do nothing.
   */
  protected void pauseBeforePollingAgain() throws InterruptedException {
    Thread.sleep(200);
  }

  @BeforeEach
  public void chooseThePrefix() {
    prefix = "jcct-" + UUID.randomUUID().toString().substring(0, 8);
  }

  @AfterEach
  public void removeWhatTheTestMade() {
    ContainerRuntime runtime = runtime();
    for (ContainerSummary container : runtime.listContainers(ours())) {
      try {
        runtime.removeContainer(container.id(), true, true);
      } catch (RuntimeFault.NotFound alreadyGone) {
        // removed by the test itself
      }
    }
    for (NetworkSummary network : runtime.listNetworks(ours())) {
      try {
        runtime.removeNetwork(network.id());
      } catch (RuntimeFault.NotFound alreadyGone) {
        // removed by the test itself
      }
    }
    for (VolumeSummary volume : runtime.listVolumes(LabelFilter.any())) {
      if (volume.name().startsWith(prefix) || prefix.equals(volume.labels().get(TEST_LABEL))) {
        try {
          runtime.removeVolume(volume.name(), false);
        } catch (RuntimeFault.NotFound alreadyGone) {
          // removed by the test itself
        }
      }
    }
  }

  /** A name unique to this test: the prefix, a dash, the suffix. */
  protected String name(String suffix) {
    return prefix + "-" + suffix;
  }

  /** The labels that mark a resource as this test's. */
  protected Map<String, String> labels() {
    return Map.of(TEST_LABEL, prefix);
  }

  /** This test's labels and one more. */
  protected Map<String, String> labels(String key, String value) {
    var labels = new HashMap<>(labels());
    labels.put(key, value);
    return labels;
  }

  /** Matches what this test made. */
  protected LabelFilter ours() {
    return LabelFilter.of(TEST_LABEL, prefix);
  }

  /** A container of the test image running {@code sh -c script}, labelled as this test's. */
  protected ContainerSpec shellContainer(String suffix, String script) {
    return ContainerSpec.simple(name(suffix), testImage(), List.of("sh", "-c", script))
        .withLabels(labels());
  }

  /** A container that runs until it is stopped. */
  protected ContainerSpec sleepingContainer(String suffix) {
    return shellContainer(suffix, "sleep 3600");
  }

  protected NetworkSpec network(String suffix) {
    return NetworkSpec.named(name(suffix), labels());
  }

  protected VolumeSpec volume(String suffix) {
    return VolumeSpec.named(name(suffix), labels());
  }

  protected String startedContainer(ContainerSpec spec) {
    String containerId = runtime().createContainer(spec);
    runtime().startContainer(containerId);
    return containerId;
  }

  /**
   * Inspects the container until its details are as wanted, pausing in between, for at most {@link
   * #DEADLINE}.
   */
  protected ContainerDetails awaitDetails(
      String containerId, Predicate<ContainerDetails> wanted, String description)
      throws InterruptedException {
    long deadline = System.nanoTime() + DEADLINE.toNanos();
    while (true) {
      ContainerDetails details = runtime().inspectContainer(containerId);
      if (wanted.test(details)) {
        return details;
      }
      if (System.nanoTime() > deadline) {
        throw new AssertionError(
            "after " + DEADLINE + " the container is still not " + description + ": " + details);
      }
      pauseBeforePollingAgain();
    }
  }

  /** Waits (at most {@link #DEADLINE}) for a subscription to end. */
  protected static void awaitEnd(Subscription subscription) {
    assertTimeoutPreemptively(DEADLINE, subscription::await);
  }

  protected static List<String> ids(List<ContainerSummary> containers) {
    var ids = new ArrayList<String>();
    for (ContainerSummary container : containers) {
      ids.add(container.id());
    }
    return ids;
  }

  protected static List<String> texts(List<LogLine> lines, LogLine.Stream stream) {
    var texts = new ArrayList<String>();
    synchronized (lines) {
      for (LogLine line : lines) {
        if (line.stream() == stream) {
          texts.add(line.text());
        }
      }
    }
    return texts;
  }

  protected String volumeMountedAt(String containerId, String destination) {
    for (MountPoint mount : runtime().inspectContainer(containerId).summary().mounts()) {
      if (mount.destination().equals(destination) && mount.type() == Mount.Type.VOLUME) {
        return mount.name();
      }
    }
    throw new AssertionError("no volume mounted at " + destination + " in " + containerId);
  }

  protected static ContainerSpec onNetwork(ContainerSpec spec, String networkName) {
    return spec.withNetworking(
        new Networking(
            Optional.of(networkName),
            Map.of(networkName, EndpointSpec.aliases(List.of("web"))),
            Optional.empty(),
            List.of(),
            List.of(),
            List.of(),
            Optional.empty(),
            Optional.empty()));
  }

  protected static ContainerSpec withVolume(ContainerSpec spec, String volumeName, String target) {
    return spec.withStorage(
        new Storage(
            List.of(new Mount(Mount.Type.VOLUME, Optional.of(volumeName), target, false)),
            List.of()));
  }

  protected static ContainerSpec withHealthcheck(ContainerSpec spec, String command, int retries) {
    return spec.withHealth(
        Optional.of(
            new HealthSpec(
                List.of("CMD-SHELL", command),
                Optional.of(Duration.ofSeconds(1)),
                Optional.of(Duration.ofSeconds(5)),
                Optional.empty(),
                Optional.empty(),
                Optional.of(retries))));
  }
}
