package io.jcompose.model.project;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class UnitsTest {

  @ParameterizedTest(name = "{0} = {1} ms")
  @CsvSource({
    "10s,10000",
    "1m30s,90000",
    "500ms,500",
    "1.5h,5400000",
    "0,0",
    "1h2m3s4ms,3723004",
    "-2s,-2000",
    "2000us,2",
    "3000000ns,3"
  })
  void durations_parseGoSyntax(String text, long millis) {
    assertThat(Durations.parse(text)).isEqualTo(Duration.ofMillis(millis));
  }

  @ParameterizedTest
  @ValueSource(strings = {"10x", "10", "s", "", "1..5s", "1m-3s", "ten seconds"})
  void durations_rejectOtherText(String text) {
    assertThatThrownBy(() -> Durations.parse(text))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("invalid duration \"" + text + "\"");
  }

  @ParameterizedTest(name = "{0} = {1} bytes")
  @CsvSource({
    "512m,536870912",
    "2g,2147483648",
    "2G,2147483648",
    "640k,655360",
    "1.5g,1610612736",
    "100,100",
    "512mb,536870912",
    "1GiB,1073741824",
    "10 k,10240",
    "-1,-1"
  })
  void byteSizes_parseDockerUnits(String text, long bytes) {
    assertThat(ByteSize.parse(text).bytes()).isEqualTo(bytes);
  }

  @ParameterizedTest
  @ValueSource(strings = {"12x", "m", "-5", "1.g", "lots"})
  void byteSizes_rejectOtherText(String text) {
    assertThatThrownBy(() -> ByteSize.parse(text))
        .hasMessageStartingWith("invalid byte size \"" + text + "\"");
  }

  @org.junit.jupiter.params.ParameterizedTest
  @org.junit.jupiter.params.provider.CsvSource({
    "90s, 1m30s",
    "1h, 1h0m0s",
    "1.5s, 1.5s",
    "1500ms, 1.5s",
    "500ms, 500ms",
    "0, 0s",
    "10us, 10\u00b5s",
    "1.5ms, 1.5ms",
    "100ns, 100ns",
    "2h45m, 2h45m0s",
    "-5s, -5s",
    "3601s, 1h0m1s"
  })
  void durations_formatLikeGo(String written, String expected) {
    assertThat(Durations.format(Durations.parse(written))).isEqualTo(expected);
  }
}
