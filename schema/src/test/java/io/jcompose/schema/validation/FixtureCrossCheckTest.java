package io.jcompose.schema.validation;

import static org.assertj.core.api.Assertions.assertThat;

import io.jcompose.schema.node.MapNode;
import io.jcompose.schema.node.Node;
import java.io.IOException;
import java.util.ArrayList;
import org.junit.jupiter.api.Test;

/**
 * Runs our validator and networknt's over every compose file in the shared upstream fixtures and
 * requires the same valid/invalid verdict for each document.
 */
class FixtureCrossCheckTest {

  @Test
  void validate_agreesWithReferenceValidatorOnEveryFixture() throws IOException {
    var reference = ReferenceValidator.composeSpec();
    var ours = SchemaValidator.composeSpec();
    int files = 0;
    int unparsable = 0;
    int envTagOnly = 0;
    int notMappings = 0;
    int valid = 0;
    int invalid = 0;
    var disagreements = new ArrayList<String>();
    for (var fixture : Fixtures.all()) {
      files++;
      if (fixture.unparsable()) {
        unparsable++;
        continue;
      }
      envTagOnly += fixture.envTagOnly() ? 1 : 0;
      for (Node document : fixture.documents()) {
        boolean referenceValid = reference.accepts(document);
        if (!(document instanceof MapNode map)) {
          notMappings++;
          if (referenceValid) {
            disagreements.add(fixture.file() + ": reference accepts a non-mapping document");
          }
          continue;
        }
        var errors = ours.validate(map);
        if (errors.isEmpty()) {
          valid++;
        } else {
          invalid++;
        }
        if (errors.isEmpty() != referenceValid) {
          disagreements.add(
              fixture.file() + ": ours " + errors + ", reference " + reference.validate(map));
        }
      }
    }
    System.out.printf(
        "schema cross-check: %d files, %d skipped as unparsable, %d parsed despite the"
            + " !ENV_VARIABLE parser issue, %d non-mapping documents; %d documents valid, %d"
            + " invalid; %d disagreements%n",
        files, unparsable, envTagOnly, notMappings, valid, invalid, disagreements.size());
    disagreements.forEach(System.out::println);

    assertThat(valid + invalid).isGreaterThan(100);
    assertThat(disagreements).isEmpty();
  }
}
