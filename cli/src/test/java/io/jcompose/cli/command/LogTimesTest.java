package io.jcompose.cli.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jcompose.cli.UserException;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class LogTimesTest {

  private static final Instant NOW = Instant.parse("2026-11-28T10:00:00Z");

  @Test
  void relativeDurations_countBackFromNow() {
    assertThat(LogTimes.parse("42m", "--since", NOW)).isEqualTo("2026-11-28T09:18:00Z");
    assertThat(LogTimes.parse("1h30m", "--since", NOW)).isEqualTo("2026-11-28T08:30:00Z");
    assertThat(LogTimes.parse("1500ms", "--since", NOW)).isEqualTo("2026-11-28T09:59:58.500Z");
  }

  @Test
  void absoluteTimes_rfc3339AndUnixSeconds() {
    assertThat(LogTimes.parse("2026-11-28T09:00:00Z", "--since", NOW))
        .isEqualTo("2026-11-28T09:00:00Z");
    assertThat(LogTimes.parse("2026-11-28T11:00:00+02:00", "--since", NOW))
        .isEqualTo("2026-11-28T09:00:00Z");
    assertThat(LogTimes.parse("1764316800.5", "--since", NOW))
        .isEqualTo(Instant.ofEpochSecond(1764316800L, 500_000_000L));
  }

  @Test
  void nonsense_isAUsageErrorNamingTheOption() {
    assertThatThrownBy(() -> LogTimes.parse("yesterday", "--until", NOW))
        .isInstanceOf(UserException.class)
        .hasMessageStartingWith("--until takes a time");
  }
}
