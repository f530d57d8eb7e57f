package io.jcompose.model.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Docker compose's environment precedence, over the fixtures of its own end-to-end tests: what the
 * container environment of the canonical model holds in each case.
 */
class EnvironmentPrecedenceTest {

  private static final Path TESTDATA =
      SharedFixtures.fixtures().resolve("compose/pkg/e2e/testdata");

  @SuppressWarnings("unchecked")
  private static Map<String, Object> environment(String test, Map<String, String> os) {
    Path directory = TESTDATA.resolve(test);
    var environment = new HashMap<>(os);
    LoadResult result = ProjectLoader.load(LoadOptions.of(List.of(), directory, environment));
    assertThat(result.errors()).isEmpty();
    var services = (Map<String, Object>) result.canonical().orElseThrow().toPlain();
    var service =
        (Map<String, Object>)
            ((Map<String, Object>) services.get("services")).values().iterator().next();
    return (Map<String, Object>) service.getOrDefault("environment", Map.of());
  }

  @Test
  void envFileOfTheService_setsTheContainerVariable() {
    assertThat(environment("TestEnvPriorityComposeEnvFile", Map.of()))
        .containsEntry("WHEREAMI", "override");
  }

  @Test
  void environmentOfTheService_winsOverItsEnvFileAndTheDotEnv() {
    assertThat(environment("TestEnvPriorityComposeEnvironment", Map.of("WHEREAMI", "shell")))
        .containsEntry("WHEREAMI", "Compose File");
  }

  @Test
  void dotEnvValues_interpolateOtherDotEnvValues() {
    assertThat(environment("TestEnvInterpolation", Map.of()))
        .containsEntry("IMAGE", "default_env:EnvFile");
    assertThat(environment("TestEnvInterpolationDefaultValue", Map.of()))
        .containsEntry("IMAGE", "default_env:EnvFileDefaultValue");
  }

  @Test
  void theOsEnvironment_winsOverTheDotEnv() {
    assertThat(environment("TestEnvInterpolation", Map.of("IMAGE", "from-shell")))
        .containsEntry("IMAGE", "from-shell");
  }

  @Test
  void bareKey_takesTheShellValue_orStaysUnset() {
    assertThat(environment("TestUnsetEnv", Map.of("EMPTY", "from-shell")))
        .containsEntry("EMPTY", "from-shell");
    assertThat(environment("TestUnsetEnv", Map.of())).containsEntry("EMPTY", null);
  }

  @Test
  void rawEnvFile_keepsValuesVerbatim() {
    assertThat(environment("TestRawEnvFile", Map.of()))
        .containsEntry("TEST_VAR", "'{\"key\": \"value\"}'");
  }
}
