package io.jcompose.engine.leftover;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * Runs last (class order by {@code @Order}): the engine's whole suite left no link, network
 * namespace, iptables chain, mount, cgroup, conmon process or temporary directory behind.
 */
@Order(Integer.MAX_VALUE)
class AfterEveryEngineTest {

  @Test
  void theSuiteLeftNothingOnTheHost() {
    HostSnapshot baseline = BeforeEveryEngineTest.baseline;
    assertThat(baseline).as("the baseline class ran first").isNotNull();

    assertThat(baseline.leftoversIn(HostSnapshot.take())).isEmpty();
  }
}
