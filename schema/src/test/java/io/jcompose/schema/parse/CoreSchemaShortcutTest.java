package io.jcompose.schema.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.snakeyaml.engine.v2.resolver.ScalarResolver;
import org.snakeyaml.engine.v2.schema.CoreSchema;

class CoreSchemaShortcutTest {

  private static final List<String> SAMPLES =
      List.of(
          "",
          " ",
          "~",
          "null",
          "Null",
          "NULL",
          "nil",
          "true",
          "True",
          "TRUE",
          "false",
          "tcp",
          "yes",
          "no",
          "1",
          "-1",
          "+1",
          "0x1f",
          "0o17",
          "1.5",
          ".5",
          "-.inf",
          ".nan",
          "1e3",
          "8000:80",
          "10s",
          "<<",
          "<x",
          "${VAR}",
          "${VAR:-x}",
          "$VAR",
          "svc0",
          "/data",
          "./conf",
          "registry.example.com/svc0:1.0",
          "CMD",
          "\u0000",
          "é",
          "NaN",
          "Infinity");

  @Test
  void resolve_answersAsTheCoreResolverDoes() {
    ScalarResolver core = new CoreSchema().getScalarResolver();
    ScalarResolver shortcut = new CoreSchemaShortcut().getScalarResolver();
    var values = new ArrayList<>(SAMPLES);
    for (char first = 0; first < 0x250; first++) {
      values.add(first + "1");
      values.add(String.valueOf(first));
    }
    for (String value : values) {
      for (boolean implicit : new boolean[] {true, false}) {
        assertThat(shortcut.resolve(value, implicit))
            .as("%s (implicit: %s)", value, implicit)
            .isEqualTo(core.resolve(value, implicit));
      }
    }
  }
}
