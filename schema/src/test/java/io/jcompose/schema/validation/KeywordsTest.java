package io.jcompose.schema.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jcompose.schema.diagnostic.Diagnostic;
import io.jcompose.schema.node.MapNode;
import io.jcompose.schema.parse.YamlParser;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Keywords and corner cases the compose-spec itself does not exercise, on small schemas. */
class KeywordsTest {

  private static List<String> messages(String schemaJson, String yaml) {
    var document = (MapNode) YamlParser.parse("test.yaml", yaml).documents().get(0);
    return SchemaValidator.fromJson(schemaJson).validate(document).stream()
        .map(Diagnostic::message)
        .toList();
  }

  private static final String VALUE_SCHEMA =
      """
      {"type": "object", "properties": {"value": %s}}
      """;

  private static List<String> valueMessages(String valueSchema, String value) {
    return messages(VALUE_SCHEMA.formatted(valueSchema), "value: " + value);
  }

  @Test
  void integer_acceptsIntegralFloatsAndBigIntegers() {
    assertThat(valueMessages("{\"type\": \"integer\"}", "2.0")).isEmpty();
    assertThat(valueMessages("{\"type\": \"integer\"}", "123456789012345678901234567890"))
        .isEmpty();
    assertThat(valueMessages("{\"type\": \"integer\"}", "2.5"))
        .containsExactly("must be an integer, not a number");
    assertThat(valueMessages("{\"type\": \"number\"}", "7")).isEmpty();
  }

  @Test
  void anyOf_needsOneBranchAndReportsTheClosestOtherwise() {
    String schema =
        "{\"anyOf\": [{\"type\": \"string\"}, {\"type\": \"integer\", \"minimum\": 1}]}";

    assertThat(valueMessages(schema, "abc")).isEmpty();
    assertThat(valueMessages(schema, "0")).containsExactly("must be at least 1, not 0");
    assertThat(valueMessages(schema, "true"))
        .containsExactly("must be a string or an integer, not a boolean");
  }

  @Test
  void oneOf_rejectsAValueThatFitsTwoBranches() {
    String schema = "{\"oneOf\": [{\"type\": \"number\"}, {\"type\": \"integer\"}]}";

    assertThat(valueMessages(schema, "1.5")).isEmpty();
    assertThat(valueMessages(schema, "1"))
        .containsExactly("is ambiguous: it fits more than one of the allowed forms");
  }

  @Test
  void allOfAndNot_combineAsInJsonSchema() {
    assertThat(
            valueMessages(
                "{\"allOf\": [{\"type\": \"string\"}, {\"minLength\": 3}], \"not\": {\"const\":"
                    + " \"bad\"}}",
                "ab"))
        .containsExactly("must be at least 3 characters long, not 2");
    assertThat(valueMessages("{\"not\": {\"const\": \"bad\"}}", "bad"))
        .containsExactly("this value is not allowed here");
    assertThat(valueMessages("{\"maxLength\": 2}", "abc"))
        .containsExactly("must be at most 2 characters long, not 3");
  }

  @Test
  void uniqueItems_comparesNumbersByValue() {
    assertThat(valueMessages("{\"uniqueItems\": true}", "[1, 1.0]"))
        .containsExactly("duplicate entry 1");
    assertThat(valueMessages("{\"uniqueItems\": true}", "[{a: 1, b: 2}, {b: 2, a: 1}]"))
        .containsExactly("duplicate entry");
  }

  @Test
  void enum_matchesNullAndNumbersByValue() {
    assertThat(valueMessages("{\"enum\": [null, 1]}", "null")).isEmpty();
    assertThat(valueMessages("{\"enum\": [null, 1]}", "1.0")).isEmpty();
    assertThat(valueMessages("{\"enum\": [null, 1]}", "2"))
        .containsExactly("must be one of: null, 1; got 2");
  }

  @Test
  void pattern_isNotAnchored() {
    assertThat(valueMessages("{\"pattern\": \"b+\"}", "abba")).isEmpty();
    assertThat(valueMessages("{\"pattern\": \"^b+$\"}", "abba"))
        .containsExactly("invalid value \"abba\"");
  }

  @Test
  void ref_mayBeRecursive() {
    String schema =
        """
        {"$ref": "#/$defs/tree",
         "$defs": {"tree": {"type": "object",
                            "properties": {"children": {"type": "array",
                                                        "items": {"$ref": "#/$defs/tree"}}},
                            "additionalProperties": false}}}
        """;

    assertThat(messages(schema, "children: [{children: []}, {children: [{leaves: 1}]}]"))
        .containsExactly("additional property \"leaves\" is not allowed");
  }

  @Test
  void compile_refusesKeywordsItDoesNotImplement() {
    assertThatThrownBy(() -> SchemaValidator.fromJson("{\"minItems\": 1}"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("unsupported schema keyword \"minItems\"");
  }
}
