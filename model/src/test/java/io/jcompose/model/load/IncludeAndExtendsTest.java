package io.jcompose.model.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** include and extends over compose-go's own loader fixtures. */
class IncludeAndExtendsTest {

  private static final Path TESTDATA =
      SharedFixtures.fixtures().resolve("compose-go/loader/testdata");

  @SuppressWarnings("unchecked")
  private static Map<String, Object> service(String file, String name) {
    Path path = TESTDATA.resolve(file);
    LoadResult result =
        ProjectLoader.load(
            LoadOptions.of(List.of(path.toString()), path.getParent(), Map.of("HOME", "/root")));
    assertThat(result.errors()).as("errors").isEmpty();
    var document = (Map<String, Object>) result.canonical().orElseThrow().toPlain();
    return (Map<String, Object>) ((Map<String, Object>) document.get("services")).get(name);
  }

  @Test
  void extends_resetRemovesTheInheritedCommand() {
    Map<String, Object> base = service("extends/reset.yaml", "base");
    assertThat(base).containsEntry("image", "alpine:latest").doesNotContainKey("command");
  }

  @Test
  void extends_followsAChainAcrossDirectories() {
    assertThat(service("extends/withdir/compose.yaml", "test"))
        .containsEntry("image", "hello-world");
  }

  @Test
  void extends_fromAnotherFileResolvesPathsAgainstThatFile() {
    Map<String, Object> importer = service("compose-test-extends.yaml", "importer");
    assertThat(importer)
        .containsEntry("image", "nginx")
        .containsEntry("container_name", "imported");
    assertThat(importer.get("environment").toString()).contains("SOURCE=extends");
  }

  @Test
  void include_withExtendsInside_resolvesTheBuildContextInTheIncludedDirectory() {
    @SuppressWarnings("unchecked")
    var build = (Map<String, Object>) service("combined/compose.yaml", "service").get("build");
    assertThat(build.get("context")).isEqualTo(TESTDATA.resolve("combined/dir").toString());
  }

  @Test
  void include_withProjectDirectory_resolvesPathsAgainstIt() {
    Map<String, Object> service = service("include/project-directory.yaml", "service");
    assertThat(service.get("volumes").toString())
        .contains(TESTDATA.resolve("subdir/compose-test-extends-imported.yaml").toString());
    assertThat(service.get("environment").toString()).contains("SOURCE=extends");
  }

  @Test
  void include_importsTheServicesBesideTheLocalOnes() {
    assertThat(service("compose-include.yaml", "imported")).containsEntry("image", "nginx");
    assertThat(service("compose-include.yaml", "bar")).containsEntry("image", "bar");
  }
}
