package io.jcompose.cli.copy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jcompose.cli.UserException;
import org.junit.jupiter.api.Test;

class CopyArgumentsTest {

  @Test
  void parse_serviceSourceMeansCopyingOut() {
    assertThat(CopyArguments.parse("web:/etc/hostname", "out.txt"))
        .isEqualTo(new CopyArguments("web", "/etc/hostname", "out.txt", false));
  }

  @Test
  void parse_serviceDestinationMeansCopyingIn() {
    assertThat(CopyArguments.parse("-", "web:/tmp/"))
        .isEqualTo(new CopyArguments("web", "/tmp/", "-", true));
  }

  @Test
  void parse_absoluteAndDotRelativeLocalPathsWithAColonStayLocal() {
    assertThat(CopyArguments.parse("/tmp/a:b", "web:/x").localPath()).isEqualTo("/tmp/a:b");
    assertThat(CopyArguments.parse("./a:b", "web:/x").localPath()).isEqualTo("./a:b");
  }

  @Test
  void parse_refusesTwoServicesTwoLocalPathsAndEmptyParts() {
    assertThatThrownBy(() -> CopyArguments.parse("a:/x", "b:/y"))
        .isInstanceOf(UserException.class)
        .hasMessageContaining("between services");
    assertThatThrownBy(() -> CopyArguments.parse("x", "y")).hasMessageContaining("SERVICE:PATH");
    assertThatThrownBy(() -> CopyArguments.parse("web:", "y")).hasMessageContaining("no path");
    assertThatThrownBy(() -> CopyArguments.parse(":/x", "y")).hasMessageContaining("no service");
    assertThatThrownBy(() -> CopyArguments.parse("web:/x", ""))
        .hasMessageContaining("destination can not be empty");
  }
}
