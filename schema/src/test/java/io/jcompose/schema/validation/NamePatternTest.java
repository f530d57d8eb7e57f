package io.jcompose.schema.validation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class NamePatternTest {

  @Test
  void namePattern_describesSimpleCharacterClasses() {
    assertThat(NamePattern.describe(Pattern.compile("^[a-zA-Z0-9._-]+$")))
        .contains("a name may contain only letters, digits, \".\", \"_\" and \"-\"");
    assertThat(NamePattern.describe(Pattern.compile("^[a-z]+$")))
        .contains("a name may contain only lowercase letters");
    assertThat(NamePattern.describe(Pattern.compile("^x-"))).isEmpty();
  }
}
