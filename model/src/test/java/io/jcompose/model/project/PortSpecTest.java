package io.jcompose.model.project;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PortSpecTest {

  /** Renders parsed ports compactly: {@code ip|published|target|protocol} joined by commas. */
  private static String render(List<PortSpec> ports) {
    return String.join(
        ",",
        ports.stream()
            .map(
                p ->
                    p.hostIp().orElse("")
                        + "|"
                        + p.published().orElse("")
                        + "|"
                        + p.target()
                        + "|"
                        + p.protocol())
            .toList());
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      delimiter = ';',
      value = {
        "80; ||80|tcp",
        "8080:80; |8080|80|tcp",
        "127.0.0.1:8080:80; 127.0.0.1|8080|80|tcp",
        "127.0.0.1::80; 127.0.0.1||80|tcp",
        "[::1]:8080:80; ::1|8080|80|tcp",
        "::1:8080:80; ::1|8080|80|tcp",
        "53:53/udp; |53|53|udp",
        "9000/SCTP; ||9000|sctp",
        "3000-3001; ||3000|tcp,||3001|tcp",
        "8000-8001:80-81; |8000|80|tcp,|8001|81|tcp",
        "8000-8001:80; |8000-8001|80|tcp",
        "0.0.0.0:5000-5001:6000-6001/udp; 0.0.0.0|5000|6000|udp,0.0.0.0|5001|6001|udp",
      })
  void parse_readsShortSyntax(String input, String expected) {
    assertThat(render(PortSpec.parse(input))).isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0}: {1}")
  @CsvSource(
      delimiter = ';',
      value = {
        "80:x; invalid port \"80:x\": container port must be a number",
        "x:80; invalid port \"x:80\": host port must be a number",
        "80/xyz; invalid port \"80/xyz\": protocol must be tcp, udp or sctp",
        "8080:; invalid port \"8080:\": no container port given",
        "70000; invalid port \"70000\": container port 70000 is above 65535",
        "0; invalid port \"0\": container port 0 is below 1",
        "8000-8002:80-81; invalid port \"8000-8002:80-81\": the host and container port ranges"
            + " differ in length",
        "localhost:80:80; invalid port \"localhost:80:80\": host IP \"localhost\" is not an IP"
            + " address",
        "81-80; invalid port \"81-80\": container port range 81-80 ends before it starts",
      })
  void parse_rejectsBadSyntaxQuotingTheInput(String input, String message) {
    assertThatThrownBy(() -> PortSpec.parse(input))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(message);
  }

  @Test
  void constructor_rejectsTargetOutOfRange() {
    assertThatThrownBy(() -> PortSpec.of(0, Optional.empty()))
        .hasMessageContaining("not in 1-65535");
  }

  @Test
  void constructor_rejectsHostIpThatIsNotAnAddress() {
    assertThatThrownBy(
            () ->
                new PortSpec(
                    Optional.empty(),
                    "ingress",
                    Optional.of("example.com"),
                    80,
                    Optional.empty(),
                    "tcp",
                    Optional.empty()))
        .hasMessageContaining("\"example.com\" is not an IP address");
  }

  @Test
  void constructor_rejectsUnknownMode() {
    assertThatThrownBy(
            () ->
                new PortSpec(
                    Optional.empty(),
                    "bridge",
                    Optional.empty(),
                    80,
                    Optional.empty(),
                    "tcp",
                    Optional.empty()))
        .hasMessageContaining("\"bridge\" is not ingress or host");
  }
}
