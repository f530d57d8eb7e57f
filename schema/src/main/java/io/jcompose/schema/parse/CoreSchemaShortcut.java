package io.jcompose.schema.parse;

import java.util.Map;
import org.snakeyaml.engine.v2.api.ConstructNode;
import org.snakeyaml.engine.v2.nodes.Tag;
import org.snakeyaml.engine.v2.resolver.ScalarResolver;
import org.snakeyaml.engine.v2.schema.CoreSchema;
import org.snakeyaml.engine.v2.schema.Schema;

/**
 * snakeyaml-engine's YAML 1.2 core schema, with a shortcut in front of its scalar resolver: a plain
 * scalar whose first character starts none of the core schema's implicit forms (null, bool, int,
 * float, merge key, ${VAR}) is a string, without trying each regular expression on it. The answer
 * is the core resolver's own in every case; only most strings skip the regex matching, which is
 * what a single, interpreted run of the parser spends its resolver time on.
 */
final class CoreSchemaShortcut implements Schema {

  /** Every first character the core resolver registers an implicit form under. */
  private static final String IMPLICIT_FIRST_CHARACTERS = "tfTF-+0123456789.nN~ <$";

  private final CoreSchema core = new CoreSchema();
  private final ScalarResolver resolver = new ShortcutResolver(core.getScalarResolver());

  @Override
  public ScalarResolver getScalarResolver() {
    return resolver;
  }

  @Override
  public Map<Tag, ConstructNode> getSchemaTagConstructors() {
    return core.getSchemaTagConstructors();
  }

  private static final class ShortcutResolver implements ScalarResolver {
    private final ScalarResolver core;

    ShortcutResolver(ScalarResolver core) {
      this.core = core;
    }

    @Override
    public Tag resolve(String value, Boolean implicit) {
      if (implicit && !value.isEmpty() && IMPLICIT_FIRST_CHARACTERS.indexOf(value.charAt(0)) < 0) {
        return Tag.STR;
      }
      return core.resolve(value, implicit);
    }
  }
}
