package io.jcompose.schema.validation;

import static org.assertj.core.api.Assertions.assertThat;

import io.jcompose.schema.node.MapNode;
import java.io.IOException;
import java.util.ArrayList;
import org.junit.jupiter.api.Test;

/**
 * The fixtures are nearly all valid, so this check feeds both validators small variations of each
 * fixture document (see {@link Mutants}) to compare their verdicts on invalid input too.
 */
class MutantCrossCheckTest {

  private static final int MUTANTS_PER_DOCUMENT = 40;

  @Test
  void validate_agreesWithReferenceValidatorOnMutatedFixtures() throws IOException {
    var reference = ReferenceValidator.composeSpec();
    var ours = SchemaValidator.composeSpec();
    int valid = 0;
    int invalid = 0;
    var disagreements = new ArrayList<String>();
    for (var fixture : Fixtures.all()) {
      if (fixture.unparsable()) {
        continue;
      }
      for (var document : fixture.documents()) {
        if (!(document instanceof MapNode map)) {
          continue;
        }
        for (var mutant : Mutants.of(map, MUTANTS_PER_DOCUMENT)) {
          var errors = ours.validate(mutant.document());
          if (errors.isEmpty()) {
            valid++;
          } else {
            invalid++;
          }
          boolean referenceValid = reference.accepts(mutant.document());
          if (errors.isEmpty() != referenceValid) {
            disagreements.add(
                fixture.file()
                    + " with "
                    + mutant.change()
                    + ": ours "
                    + errors
                    + ", reference "
                    + reference.validate(mutant.document()));
          }
        }
      }
    }
    System.out.printf(
        "schema mutant cross-check: %d valid, %d invalid; %d disagreements%n",
        valid, invalid, disagreements.size());
    disagreements.stream().limit(20).forEach(System.out::println);

    assertThat(invalid).isGreaterThan(1000);
    assertThat(disagreements).isEmpty();
  }
}
