package io.jcompose.engine.container;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jcompose.engine.fault.EngineFault;
import io.jcompose.engine.network.PortBinding;
import io.jcompose.engine.network.proxy.Protocol;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/** The small formats of the API: times, durations, ports, log parameters, names. */
class WireFormatsTest {

  @Test
  void timesAreGosRfc3339WithTrailingZerosCut_andFixedNineDigitsInLogs() {
    assertThat(ApiTime.format(Instant.parse("2026-11-27T22:42:03.198760946Z")))
        .isEqualTo("2026-11-27T22:42:03.198760946Z");
    assertThat(ApiTime.format(Instant.parse("2026-11-27T22:42:03.100Z")))
        .isEqualTo("2026-11-27T22:42:03.1Z");
    assertThat(ApiTime.format(Instant.parse("2026-11-27T22:42:03Z")))
        .isEqualTo("2026-11-27T22:42:03Z");
    assertThat(ApiTime.format(Optional.empty())).isEqualTo("0001-01-01T00:00:00Z");
    assertThat(ApiTime.formatFixed(Instant.parse("2026-11-27T22:42:15.24Z")))
        .isEqualTo("2026-11-27T22:42:15.240000000Z");
  }

  @Test
  void statusTextsReadAsDockerdsHumanDurations() {
    Instant now = Instant.parse("2026-01-01T12:00:00Z");
    var running = ContainerState.CREATED.started(42, now.minusSeconds(7), false);
    assertThat(StatusText.of(running, now)).isEqualTo("Up 7 seconds");
    var exited = running.exited(3, now.minusSeconds(2), false, false);
    assertThat(StatusText.of(exited, now)).isEqualTo("Exited (3) 2 seconds ago");
    assertThat(StatusText.of(ContainerState.CREATED, now)).isEqualTo("Created");
    assertThat(StatusText.human(Duration.ofMillis(400))).isEqualTo("Less than a second");
    assertThat(StatusText.human(Duration.ofSeconds(1))).isEqualTo("1 second");
    assertThat(StatusText.human(Duration.ofSeconds(90))).isEqualTo("About a minute");
    assertThat(StatusText.human(Duration.ofMinutes(59))).isEqualTo("59 minutes");
    assertThat(StatusText.human(Duration.ofMinutes(70))).isEqualTo("About an hour");
    assertThat(StatusText.human(Duration.ofHours(30))).isEqualTo("30 hours");
    assertThat(StatusText.human(Duration.ofDays(3))).isEqualTo("3 days");
    assertThat(StatusText.human(Duration.ofDays(20))).isEqualTo("2 weeks");
  }

  @Test
  void portKeysDefaultToTcp_andBindingsOnEveryAddressAreReportedForBothFamilies() {
    assertThat(PortKey.parse("80")).isEqualTo(new PortKey(80, Protocol.TCP));
    assertThat(PortKey.parse("53/udp").text()).isEqualTo("53/udp");
    assertThatThrownBy(() -> PortKey.parse("http/tcp"))
        .isInstanceOf(EngineFault.InvalidArgument.class);

    List<PortPublishing.Reported> reported =
        PortPublishing.reported(
            List.of(
                new PortBinding(80, Protocol.TCP, "", 32768),
                new PortBinding(53, Protocol.UDP, "127.0.0.1", 5353)));

    assertThat(reported)
        .extracting(each -> each.hostIp() + ":" + each.hostPort() + "->" + each.port().text())
        .containsExactly("0.0.0.0:32768->80/tcp", ":::32768->80/tcp", "127.0.0.1:5353->53/udp");
  }

  @Test
  void logParametersReadUnixSecondsWithFractions_andTailAsDockerdDoes() {
    assertThat(LogParameters.time(Optional.of("1690000000.5"), "since"))
        .contains(Instant.ofEpochSecond(1690000000, 500_000_000));
    assertThat(LogParameters.time(Optional.of("0"), "since")).isEmpty();
    assertThatThrownBy(() -> LogParameters.time(Optional.of("yesterday"), "since"))
        .isInstanceOf(EngineFault.InvalidArgument.class);
    assertThat(LogParameters.tail("all")).isEqualTo(OptionalInt.empty());
    assertThat(LogParameters.tail("-1")).isEqualTo(OptionalInt.empty());
    assertThat(LogParameters.tail("5")).isEqualTo(OptionalInt.of(5));
  }

  @Test
  void namesFollowDockerdsPattern_andGeneratedOnesAvoidTakenNames() {
    assertThat(ContainerNames.checked("/web_1")).isEqualTo("web_1");
    assertThatThrownBy(() -> ContainerNames.checked("-web"))
        .isInstanceOf(EngineFault.InvalidArgument.class)
        .hasMessage("Invalid container name (-web), only [a-zA-Z0-9][a-zA-Z0-9_.-] are allowed");
    assertThat(ContainerNames.generate(name -> false)).matches("[a-z]+_[a-z]+");
    assertThat(ContainerNames.generate(name -> true)).matches("jce_[0-9a-f]{12}");
    assertThat(ContainerNames.newId()).matches("[0-9a-f]{64}");
  }

  @Test
  void waitConditionsAndRestartPoliciesAreChecked() {
    assertThat(WaitCondition.parse("")).isEqualTo(WaitCondition.NOT_RUNNING);
    assertThat(WaitCondition.parse("next-exit")).isEqualTo(WaitCondition.NEXT_EXIT);
    assertThatThrownBy(() -> WaitCondition.parse("bogus"))
        .isInstanceOf(EngineFault.InvalidArgument.class);
    assertThatThrownBy(
            () -> RestartDecision.validate(new HostSettings.RestartPolicy("always", 0), true))
        .hasMessage("can't create 'AutoRemove' container with restart policy");
    assertThatThrownBy(
            () -> RestartDecision.validate(new HostSettings.RestartPolicy("sometimes", 0), false))
        .hasMessage("invalid restart policy 'sometimes'");
    assertThatThrownBy(
            () -> RestartDecision.validate(new HostSettings.RestartPolicy("always", 3), false))
        .hasMessage("maximum retry count cannot be used with restart policy 'always'");
    assertThat(RestartDecision.delay(0, Duration.ofSeconds(1))).isEqualTo(Duration.ofMillis(100));
    assertThat(RestartDecision.delay(3, Duration.ofSeconds(1))).isEqualTo(Duration.ofMillis(800));
    assertThat(RestartDecision.delay(20, Duration.ofSeconds(1))).isEqualTo(Duration.ofMinutes(1));
    assertThat(RestartDecision.delay(20, Duration.ofSeconds(30))).isEqualTo(Duration.ofMillis(100));
  }
}
