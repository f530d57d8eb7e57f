package io.jcompose.model.project;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MountSpecTest {

  /** {@code type|source|target|ro|propagation|selinux|nocopy}. */
  private static String render(MountSpec mount) {
    return mount.type().word()
        + "|"
        + mount.source().orElse("")
        + "|"
        + mount.target()
        + "|"
        + (mount.readOnly() ? "ro" : "rw")
        + "|"
        + mount.bind().flatMap(MountSpec.BindOptions::propagation).orElse("")
        + "|"
        + mount.bind().flatMap(MountSpec.BindOptions::selinux).orElse("")
        + "|"
        + mount.volume().map(v -> v.nocopy() ? "nocopy" : "copy").orElse("");
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      delimiter = ';',
      value = {
        "/data; volume||/data|rw|||copy",
        "data:/data; volume|data|/data|rw|||copy",
        "data:/data:ro,nocopy; volume|data|/data|ro|||nocopy",
        "./src:/app; bind|./src|/app|rw|||",
        "../src:/app/:rw; bind|../src|/app|rw|||",
        "/var/run/docker.sock:/var/run/docker.sock:ro; bind|/var/run/docker.sock"
            + "|/var/run/docker.sock|ro|||",
        "~/cache:/cache:z; bind|~/cache|/cache|rw||z|",
        "/host:/c:rshared,Z,ro; bind|/host|/c|ro|rshared|Z|",
        "data:/a/./b/../c; volume|data|/a/c|rw|||copy",
        "data:/data:unknownoption; volume|data|/data|rw|||copy",
        "${HOME}:/home; volume|${HOME}|/home|rw|||copy",
        "C:\\\\data:/data; bind|C:\\\\data|/data|rw|||",
      })
  void parse_readsShortSyntax(String input, String expected) {
    assertThat(render(MountSpec.parse(input))).isEqualTo(expected);
  }

  @Test
  void parse_marksShortBindMountsToCreateTheHostPath() {
    assertThat(MountSpec.parse("./a:/a").bind().orElseThrow().createHostPath()).isTrue();
  }

  @ParameterizedTest(name = "{0}: {1}")
  @CsvSource(
      delimiter = ';',
      value = {
        "a::/b; invalid volume \"a::/b\": empty section between colons",
        "a:/b:ro:extra; invalid volume \"a:/b:ro:extra\": too many colons",
      })
  void parse_rejectsBadSyntaxQuotingTheInput(String input, String message) {
    assertThatThrownBy(() -> MountSpec.parse(input)).hasMessage(message);
  }

  @Test
  void parse_rejectsEmptyText() {
    assertThatThrownBy(() -> MountSpec.parse("")).hasMessageContaining("empty volume");
  }

  @ParameterizedTest
  @CsvSource({"/a/b/../c,/a/c", "/a//b/,/a/b", "/../x,/x", "a/./b,a/b", "/,/"})
  void cleanTarget_cleansLikeGoPathClean(String input, String expected) {
    assertThat(MountSpec.cleanTarget(input)).isEqualTo(expected);
  }

  @Test
  void constructor_rejectsBindWithoutSource() {
    assertThatThrownBy(
            () ->
                new MountSpec(
                    MountSpec.Type.BIND,
                    Optional.empty(),
                    "/x",
                    false,
                    Optional.empty(),
                    Optional.empty(),
                    Optional.empty(),
                    Optional.empty()))
        .hasMessageContaining("needs a source");
  }

  @Test
  void bindOptions_rejectSelinuxOtherThanZ() {
    assertThatThrownBy(
            () ->
                new MountSpec.BindOptions(
                    Optional.empty(), true, Optional.of("q"), Optional.empty()))
        .hasMessageContaining("\"q\" is not z or Z");
  }

  @Test
  void volumeOptions_copyLabels() {
    var labels = new java.util.HashMap<String, String>(Map.of("a", "b"));
    var options = new MountSpec.VolumeOptions(false, Optional.empty(), labels);
    labels.put("c", "d");
    assertThat(options.labels()).containsOnlyKeys("a");
  }
}
