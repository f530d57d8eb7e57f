package io.jcompose.schema.validation;

import io.jcompose.schema.diagnostic.Diagnostic;
import io.jcompose.schema.json.JsonText;
import io.jcompose.schema.node.MapNode;
import io.jcompose.schema.node.YamlPath;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * Validates a compose document against the vendored compose-spec JSON schema (draft 2020-12).
 *
 * <p>The schema is compiled once into an object tree of keywords; validation walks the document,
 * not the schema JSON. Each violation is located at the offending node (an unknown key at the key),
 * in plain words, with a hint where one is known. Of a {@code oneOf} that nothing fits, only the
 * branch the user most likely meant is reported.
 */
public final class SchemaValidator {

  private static final String COMPOSE_SPEC = "/io/jcompose/schema/compose-spec.json";

  private final Schema root;

  private SchemaValidator(Schema root) {
    this.root = root;
  }

  /** The validator for the vendored compose-spec.json, loaded once and shared. */
  public static SchemaValidator composeSpec() {
    return ComposeSpec.VALIDATOR;
  }

  /** A validator for another schema, given as JSON text. */
  static SchemaValidator fromJson(String json) {
    return new SchemaValidator(SchemaCompiler.compile(JsonText.parse(json)));
  }

  /** Every violation, located at the offending node, in plain words, with hints where known. */
  public List<Diagnostic> validate(MapNode document) {
    var found = new ArrayList<Diagnostic>();
    root.check(document, YamlPath.ROOT, found);
    if (found.size() < 2) {
      return List.copyOf(found);
    }
    var unique = new ArrayList<>(new LinkedHashSet<>(found));
    unique.sort(SchemaValidator::byPosition);
    return List.copyOf(unique);
  }

  private static int byPosition(Diagnostic first, Diagnostic second) {
    int order = first.position().file().compareTo(second.position().file());
    if (order == 0) {
      order = Integer.compare(first.position().line(), second.position().line());
    }
    return order != 0
        ? order
        : Integer.compare(first.position().column(), second.position().column());
  }

  /** The vendored compose-spec.json as text. */
  static String composeSpecJson() {
    return ComposeSpec.read(COMPOSE_SPEC);
  }

  /**
   * Holds the compose-spec validator; the JVM loads it on first use, once, thread-safely. Its
   * definitions are compiled as validation first reaches them.
   */
  private static final class ComposeSpec {
    static final SchemaValidator VALIDATOR =
        new SchemaValidator(SchemaCompiler.compileOnDemand(JsonText.parse(read(COMPOSE_SPEC))));

    private static String read(String resource) {
      try (InputStream in = SchemaValidator.class.getResourceAsStream(resource)) {
        if (in == null) {
          throw new IllegalStateException("missing resource " + resource);
        }
        return new String(in.readAllBytes(), StandardCharsets.UTF_8);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read " + resource, e);
      }
    }
  }
}
