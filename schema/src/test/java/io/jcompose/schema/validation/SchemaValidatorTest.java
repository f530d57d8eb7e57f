package io.jcompose.schema.validation;

import static org.assertj.core.api.Assertions.assertThat;

import io.jcompose.schema.diagnostic.Diagnostic;
import io.jcompose.schema.json.JsonText;
import io.jcompose.schema.node.MapNode;
import io.jcompose.schema.parse.YamlParser;
import java.util.List;
import org.junit.jupiter.api.Test;

class SchemaValidatorTest {

  private static List<Diagnostic> validate(String yaml) {
    var parsed = YamlParser.parse("compose.yaml", yaml);
    assertThat(parsed.diagnostics()).isEmpty();
    return SchemaValidator.composeSpec().validate((MapNode) parsed.documents().get(0));
  }

  @Test
  void composeSpec_compilesEveryDefinitionUpFront() {
    // the shared validator compiles definitions on first use; this proves none of them is broken
    Schema root = SchemaCompiler.compile(JsonText.parse(SchemaValidator.composeSpecJson()));
    assertThat(root.acceptedTypes(0)).contains(JsonType.OBJECT);
  }

  @Test
  void validate_acceptsAValidDocument() {
    var errors =
        validate(
            """
            name: shop
            services:
              web:
                image: nginx:1.27
                ports:
                  - "8080:80"
                  - target: 443
                    published: 8443
                environment:
                  MODE: production
                depends_on:
                  db:
                    condition: service_healthy
                healthcheck:
                  test: ["CMD", "true"]
                  retries: 3
              db:
                image: postgres:16
                volumes:
                  - data:/var/lib/postgresql/data
            volumes:
              data: {}
            """);

    assertThat(errors).isEmpty();
  }

  @Test
  void validate_reportsUnknownServiceKeyAtTheKeyWithSuggestion() {
    var errors =
        validate(
            """
            services:
              web:
                image: nginx
                enviroment:
                  A: b
            """);

    assertThat(errors).hasSize(1);
    var error = errors.get(0);
    assertThat(error.position().line()).isEqualTo(4);
    assertThat(error.position().column()).isEqualTo(5);
    assertThat(error.path()).hasToString("services.web.enviroment");
    assertThat(error.message()).isEqualTo("additional property \"enviroment\" is not allowed");
    assertThat(error.hint()).isEqualTo("did you mean \"environment\"?");
  }

  @Test
  void validate_reportsWrongType() {
    var errors =
        validate(
            """
            services:
              web:
                image: [nginx]
            """);

    assertThat(errors)
        .singleElement()
        .satisfies(
            error -> {
              assertThat(error.message()).isEqualTo("must be a string, not a list");
              assertThat(error.path()).hasToString("services.web.image");
              assertThat(error.position().line()).isEqualTo(3);
              assertThat(error.position().column()).isEqualTo(12);
            });
  }

  @Test
  void validate_reportsBadDependsOnCondition() {
    var errors =
        validate(
            """
            services:
              web:
                image: nginx
                depends_on:
                  db:
                    condition: service_healty
              db:
                image: postgres
            """);

    assertThat(errors)
        .singleElement()
        .satisfies(
            error -> {
              assertThat(error.path()).hasToString("services.web.depends_on.db.condition");
              assertThat(error.message())
                  .isEqualTo(
                      "must be one of: service_started, service_healthy,"
                          + " service_completed_successfully; got \"service_healty\"");
              assertThat(error.hint()).isEqualTo("did you mean \"service_healthy\"?");
              assertThat(error.position().line()).isEqualTo(6);
            });
  }

  @Test
  void validate_reportsServiceNameAgainstThePattern() {
    var errors =
        validate(
            """
            services:
              my web:
                image: nginx
            """);

    assertThat(errors)
        .singleElement()
        .satisfies(
            error -> {
              assertThat(error.message()).isEqualTo("invalid name \"my web\"");
              assertThat(error.hint())
                  .isEqualTo("a name may contain only letters, digits, \".\", \"_\" and \"-\"");
              assertThat(error.path()).hasToString("services.my web");
              assertThat(error.position().line()).isEqualTo(2);
              assertThat(error.position().column()).isEqualTo(3);
            });
  }

  @Test
  void validate_reportsOnlyTheMappingBranchForAMappingPortEntry() {
    var errors =
        validate(
            """
            services:
              web:
                image: nginx
                ports:
                  - targt: 80
                    published: "8080"
            """);

    assertThat(errors)
        .singleElement()
        .satisfies(
            error -> {
              assertThat(error.message()).isEqualTo("additional property \"targt\" is not allowed");
              assertThat(error.hint()).isEqualTo("did you mean \"target\"?");
              assertThat(error.path()).hasToString("services.web.ports[0].targt");
              assertThat(error.position().line()).isEqualTo(5);
              assertThat(error.position().column()).isEqualTo(9);
            });
  }

  @Test
  void validate_listsTheAllowedKindsWhenNoOneOfBranchTakesTheNode() {
    var errors =
        validate(
            """
            services:
              web:
                image: nginx
                ports:
                  - [80, 81]
            """);

    assertThat(errors)
        .singleElement()
        .satisfies(
            error -> {
              assertThat(error.message())
                  .isEqualTo("must be a number, a string or a mapping, not a list");
              assertThat(error.path()).hasToString("services.web.ports[0]");
            });
  }

  @Test
  void validate_reportsEveryErrorOfTheFileInOrder() {
    var errors =
        validate(
            """
            services:
              web:
                imgae: nginx
                restart: 3
              db:
                image: postgres
                ports:
                  - "5432"
                  - "5432"
            netwrks: {}
            """);

    assertThat(errors)
        .extracting(error -> error.position().line() + " " + error.message())
        .containsExactly(
            "3 additional property \"imgae\" is not allowed",
            "4 must be a string, not a number",
            "9 duplicate entry \"5432\"",
            "10 additional property \"netwrks\" is not allowed");
    assertThat(errors.get(3).hint()).isEqualTo("did you mean \"networks\"?");
  }

  @Test
  void validate_acceptsExtensionKeysWhereTheSchemaAllowsThem() {
    var errors =
        validate(
            """
            x-defaults: &defaults
              restart: always
            services:
              web:
                image: nginx
                x-team: payments
            """);

    assertThat(errors).isEmpty();
  }

  @Test
  void validate_rejectsExtensionKeysWhereTheSchemaHasNoRoomForThem() {
    var errors =
        validate(
            """
            services:
              web:
                image: nginx
                extends:
                  service: base
                  x-note: shared settings
              base:
                image: nginx
            """);

    assertThat(errors)
        .singleElement()
        .satisfies(
            error -> {
              assertThat(error.message())
                  .isEqualTo("additional property \"x-note\" is not allowed");
              assertThat(error.hint()).isEqualTo("allowed here: file, service");
              assertThat(error.path()).hasToString("services.web.extends.x-note");
            });
  }

  @Test
  void validate_reportsMissingRequiredPropertyAtTheMapping() {
    var errors =
        validate(
            """
            services:
              web:
                image: nginx
                depends_on:
                  db:
                    required: false
              db:
                image: postgres
            """);

    assertThat(errors)
        .singleElement()
        .satisfies(
            error -> {
              assertThat(error.message()).isEqualTo("missing required property \"condition\"");
              assertThat(error.path()).hasToString("services.web.depends_on.db");
              assertThat(error.position().line()).isEqualTo(6);
            });
  }

  @Test
  void validate_checksNumericBounds() {
    var errors =
        validate(
            """
            services:
              web:
                image: nginx
                oom_score_adj: 2000
            """);

    assertThat(errors)
        .singleElement()
        .satisfies(
            error -> {
              assertThat(error.message()).isEqualTo("must be at most 1000, not 2000");
              assertThat(error.path()).hasToString("services.web.oom_score_adj");
            });
  }

  @Test
  void validate_namesNullLastAmongTheAllowedKinds() {
    var errors =
        validate(
            """
            services:
              web:
                image: nginx
                command: true
            """);

    assertThat(errors)
        .singleElement()
        .extracting(Diagnostic::message)
        .isEqualTo("must be a string, a list or null, not a boolean");
  }

  @Test
  void composeSpec_isLoadedOnce() {
    assertThat(SchemaValidator.composeSpec()).isSameAs(SchemaValidator.composeSpec());
  }
}
