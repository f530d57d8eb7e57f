package io.jcompose.engine.container;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jcompose.engine.fault.EngineFault;
import io.jcompose.engine.http.Filters;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PruneFilterTest {

  private static final Instant NOW = Instant.parse("2026-11-28T12:00:00Z");

  @Test
  void until_acceptsGoDurationsUnixSecondsAndRfc3339() {
    assertThat(PruneFilter.time("24h", NOW)).isEqualTo(Instant.parse("2026-11-27T12:00:00Z"));
    assertThat(PruneFilter.time("1h30m", NOW)).isEqualTo(Instant.parse("2026-11-28T10:30:00Z"));
    assertThat(PruneFilter.time("1.5s", NOW)).isEqualTo(Instant.parse("2026-11-28T11:59:58.500Z"));
    assertThat(PruneFilter.time("1795819632.5", NOW))
        .isEqualTo(Instant.ofEpochSecond(1795819632, 500_000_000));
    assertThat(PruneFilter.time("2026-11-01T00:00:00+01:00", NOW))
        .isEqualTo(Instant.parse("2026-10-31T23:00:00Z"));
    assertThat(PruneFilter.time("2026-11-01", NOW))
        .isEqualTo(Instant.parse("2026-11-01T00:00:00Z"));
    assertThatThrownBy(() -> PruneFilter.time("yesterday", NOW))
        .isInstanceOf(EngineFault.InvalidArgument.class)
        .hasMessageContaining("\"yesterday\"");
  }

  @Test
  void unknownKeys_andTwoUntils_areRefused() {
    assertThatThrownBy(
            () -> PruneFilter.parse(Filters.of(Map.of("status", List.of("exited"))), NOW))
        .isInstanceOf(EngineFault.InvalidArgument.class);
    assertThatThrownBy(
            () -> PruneFilter.parse(Filters.of(Map.of("until", List.of("1h", "2h"))), NOW))
        .isInstanceOf(EngineFault.InvalidArgument.class);
  }
}
