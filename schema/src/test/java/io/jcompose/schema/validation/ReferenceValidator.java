package io.jcompose.schema.validation;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import io.jcompose.schema.node.Node;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Set;

/**
 * networknt's full draft 2020-12 validator over the same vendored schema, to check ours against.
 */
final class ReferenceValidator {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final JsonSchema schema;

  private ReferenceValidator(JsonSchema schema) {
    this.schema = schema;
  }

  static ReferenceValidator composeSpec() {
    try (InputStream in =
        ReferenceValidator.class.getResourceAsStream("/io/jcompose/schema/compose-spec.json")) {
      var text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      return new ReferenceValidator(
          JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
              .getSchema(
                  // a base for the schema's relative $id; nothing is fetched from it
                  SchemaLocation.of("https://compose-spec.io/schema/compose-spec.json"),
                  JSON.readTree(text)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  Set<ValidationMessage> validate(Node document) {
    return schema.validate(JSON.valueToTree(document.toPlain()));
  }

  boolean accepts(Node document) {
    return validate(document).isEmpty();
  }
}
