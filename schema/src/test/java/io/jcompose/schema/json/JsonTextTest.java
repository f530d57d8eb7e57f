package io.jcompose.schema.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import org.junit.jupiter.api.Test;

class JsonTextTest {

  @Test
  void parse_readsEveryKindOfValue() {
    Object value =
        JsonText.parse(
            "{\"s\": \"a\\\"b\\\\c\\u00e9\\n\", \"n\": [1, -2.5, 1e3, 123456789012345678901],"
                + " \"b\": [true, false, null], \"e\": {}, \"l\": []}");

    var expected = new LinkedHashMap<String, Object>();
    expected.put("s", "a\"b\\cé\n");
    expected.put("n", List.of(1L, -2.5, 1000.0, new BigInteger("123456789012345678901")));
    expected.put("b", Arrays.asList(true, false, null));
    expected.put("e", new LinkedHashMap<>());
    expected.put("l", List.of());
    assertThat(value).isEqualTo(expected);
  }

  @Test
  void parse_keepsPropertyOrder() {
    @SuppressWarnings("unchecked")
    var map = (java.util.Map<String, Object>) JsonText.parse("{\"z\": 1, \"a\": 2, \"m\": 3}");

    assertThat(map.keySet()).containsExactly("z", "a", "m");
  }

  @Test
  void parse_rejectsBrokenJsonWithTheOffset() {
    assertThatThrownBy(() -> JsonText.parse("{\"a\": [1, 2}"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("invalid JSON at offset 11: expected ']'");
    assertThatThrownBy(() -> JsonText.parse("{} x"))
        .hasMessageContaining("unexpected text after the end of the document");
  }
}
