package io.jcompose.schema.parse;

import io.jcompose.schema.diagnostic.Diagnostic;
import io.jcompose.schema.node.MapNode;
import io.jcompose.schema.node.Node;
import io.jcompose.schema.node.Position;
import io.jcompose.schema.node.ScalarNode;
import io.jcompose.schema.node.SeqNode;
import io.jcompose.schema.node.Tag;
import io.jcompose.schema.node.YamlPath;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.composer.Composer;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.snakeyaml.engine.v2.parser.ParserImpl;
import org.snakeyaml.engine.v2.scanner.StreamReader;

/**
 * Parses YAML text into {@link Node} trees that keep file, line and column. Handles what compose
 * files need beyond plain YAML 1.2: merge keys ({@code <<}), the {@code !reset} and {@code
 * !override} tags, duplicate keys as errors, and a cap on nodes against alias bombs.
 */
public final class YamlParser {

  /** The deepest nesting a document may have; real compose files stay far below it. */
  static final int MAX_DEPTH = 100;

  /** The most nodes one document may expand to, aliases included (compose-go uses the same). */
  static final int MAX_NODES = 100_000;

  private static final String MERGE_KEY = "<<";
  static final String ENV_TAG = org.snakeyaml.engine.v2.nodes.Tag.ENV_TAG.getValue();

  private YamlParser() {}

  /**
   * Parses every document of {@code text}. Empty documents are skipped. Syntax errors, duplicate
   * keys and unsupported keys become diagnostics; the documents parsed before an error are kept.
   */
  public static ParseResult parse(String fileName, String text) {
    LoadSettings settings = settings(fileName);
    try {
      List<Node> plain = EventTrees.documents(fileName, text, settings);
      if (plain != null) {
        return new ParseResult(List.copyOf(plain), List.of());
      }
      return composed(fileName, text, settings);
    } catch (StackOverflowError e) {
      // snakeyaml's scanner recurses into flow collections before our depth check can see them
      return new ParseResult(List.of(), List.of(tooDeep(new Position(fileName, 1, 1))));
    }
  }

  private static Diagnostic tooDeep(Position position) {
    return Diagnostic.error(
        position,
        YamlPath.ROOT,
        "the document is nested more than " + MAX_DEPTH + " levels deep",
        "a compose file needs a handful of levels; check for runaway brackets");
  }

  /** {@link #parse} through snakeyaml's composer always (tests compare both ways). */
  static ParseResult composed(String fileName, String text) {
    return composed(fileName, text, settings(fileName));
  }

  private static LoadSettings settings(String fileName) {
    return LoadSettings.builder()
        .setLabel(fileName)
        .setAllowDuplicateKeys(true)
        .setMaxAliasesForCollections(1_000)
        .setSchema(new CoreSchemaShortcut())
        .setUseMarks(true)
        .build();
  }

  private static ParseResult composed(String fileName, String text, LoadSettings settings) {
    var diagnostics = new ArrayList<Diagnostic>();
    var documents = new ArrayList<Node>();
    try {
      var composer =
          new Composer(settings, new ParserImpl(settings, new StreamReader(settings, text)));
      while (composer.hasNext()) {
        var root = composer.next();
        var converter = new Converter(fileName, diagnostics);
        Node node = converter.convert(root, YamlPath.ROOT);
        if (!(node instanceof ScalarNode scalar && scalar.isNull())) {
          documents.add(node);
        }
      }
    } catch (TooDeepException e) {
      diagnostics.add(tooDeep(e.position));
    } catch (TooLargeException e) {
      diagnostics.add(
          Diagnostic.error(
              e.position,
              YamlPath.ROOT,
              "the document expands to more than " + MAX_NODES + " nodes (an alias bomb?)",
              "write the repeated parts out, or use fewer nested aliases"));
    } catch (MarkedYamlEngineException e) {
      Position position = position(fileName, e.getProblemMark().or(e::getContextMark));
      String problem = e.getProblem() == null ? "invalid YAML" : e.getProblem();
      String context = e.getContext() == null ? "" : e.getContext() + ": ";
      diagnostics.add(
          Diagnostic.error(position, YamlPath.ROOT, "YAML syntax error: " + context + problem));
    } catch (YamlEngineException e) {
      diagnostics.add(
          Diagnostic.error(
              new Position(fileName, 1, 1), YamlPath.ROOT, "YAML syntax error: " + e.getMessage()));
    }
    return new ParseResult(List.copyOf(documents), List.copyOf(diagnostics));
  }

  static Position position(String fileName, Optional<Mark> mark) {
    if (mark.isEmpty()) {
      return new Position(fileName, 0, 0);
    }
    Mark start = mark.get();
    return new Position(fileName, start.getLine() + 1, start.getColumn() + 1);
  }

  /** Turns one snakeyaml document into our nodes. */
  private static final class Converter {
    private final String fileName;
    private final List<Diagnostic> diagnostics;
    private final Map<org.snakeyaml.engine.v2.nodes.Node, Node> mergedSources =
        new IdentityHashMap<>();
    private int visited;

    Converter(String fileName, List<Diagnostic> diagnostics) {
      this.fileName = fileName;
      this.diagnostics = diagnostics;
    }

    Node convert(org.snakeyaml.engine.v2.nodes.Node node, YamlPath path) {
      if (++visited > MAX_NODES) {
        throw new TooLargeException(position(fileName, node.getStartMark()));
      }
      if (path.depth() > MAX_DEPTH) {
        throw new TooDeepException(position(fileName, node.getStartMark()));
      }
      Position position = position(fileName, node.getStartMark());
      Tag tag = tagOf(node, path);
      if (node instanceof MappingNode mapping) {
        return convertMapping(mapping, position, tag, path);
      }
      if (node instanceof SequenceNode sequence) {
        var items = new ArrayList<Node>(sequence.getValue().size());
        int index = 0;
        for (var item : sequence.getValue()) {
          items.add(convert(item, path.index(index++)));
        }
        return new SeqNode(items, position, tag);
      }
      var scalar = (org.snakeyaml.engine.v2.nodes.ScalarNode) node;
      return new ScalarNode(ScalarValues.resolve(scalar), position, tag);
    }

    private Tag tagOf(org.snakeyaml.engine.v2.nodes.Node node, YamlPath path) {
      String tag = node.getTag().getValue();
      if (tag.equals("!reset")) {
        return Tag.RESET;
      }
      if (tag.equals("!override")) {
        return Tag.OVERRIDE;
      }
      // snakeyaml-engine's core schema marks plain ${VAR} scalars with an env tag; for compose
      // they are ordinary strings that interpolation handles later.
      if (tag.startsWith("!") && !tag.startsWith("!!") && !tag.equals(ENV_TAG)) {
        diagnostics.add(
            Diagnostic.error(
                position(fileName, node.getStartMark()),
                path,
                "unknown YAML tag " + tag,
                "compose files know only the tags !reset and !override"));
      }
      return Tag.NONE;
    }

    private MapNode convertMapping(MappingNode mapping, Position position, Tag tag, YamlPath path) {
      var entries = new LinkedHashMap<String, Node>();
      var keyPositions = new LinkedHashMap<String, Position>();
      var merged = new ArrayList<MapNode>();
      for (NodeTuple tuple : mapping.getValue()) {
        var keyNode = tuple.getKeyNode();
        Position keyPosition = position(fileName, keyNode.getStartMark());
        if (!(keyNode instanceof org.snakeyaml.engine.v2.nodes.ScalarNode keyScalar)) {
          diagnostics.add(
              Diagnostic.error(
                  keyPosition, path, "a mapping key must be a string, not a list or a mapping"));
          continue;
        }
        String key = keyScalar.getValue();
        if (key.equals(MERGE_KEY) && keyScalar.isPlain()) {
          collectMerge(tuple.getValueNode(), path, merged);
          continue;
        }
        if (entries.containsKey(key)) {
          diagnostics.add(
              Diagnostic.error(
                  keyPosition,
                  path.key(key),
                  "key \"" + key + "\" is already defined at line " + keyPositions.get(key).line(),
                  "remove one of the two entries"));
          continue;
        }
        entries.put(key, convert(tuple.getValueNode(), path.key(key)));
        keyPositions.put(key, keyPosition);
      }
      // Keys written in the mapping win over merged ones; earlier merge sources win over later.
      for (MapNode source : merged) {
        for (var entry : source.entries().entrySet()) {
          String key = entry.getKey();
          if (!entries.containsKey(key)) {
            entries.put(key, entry.getValue());
            keyPositions.put(key, source.keyPosition(key));
          }
        }
      }
      return new MapNode(entries, keyPositions, position, tag);
    }

    private void collectMerge(
        org.snakeyaml.engine.v2.nodes.Node value, YamlPath path, List<MapNode> merged) {
      if (value instanceof SequenceNode sequence) {
        for (var item : sequence.getValue()) {
          collectMerge(item, path, merged);
        }
        return;
      }
      Node converted = mergedSources.get(value);
      if (converted == null) {
        converted = convert(value, path);
        mergedSources.put(value, converted);
      }
      if (converted instanceof MapNode map) {
        merged.add(map);
      } else {
        diagnostics.add(
            Diagnostic.error(
                converted.position(),
                path.key(MERGE_KEY),
                "a merge key (<<) needs a mapping or a list of mappings, not "
                    + converted.kindName()));
      }
    }
  }

  /** Thrown when a document nests deeper than {@link #MAX_DEPTH}. */
  static final class TooDeepException extends RuntimeException {
    final Position position;

    TooDeepException(Position position) {
      super("document too deep", null, false, false);
      this.position = position;
    }
  }

  /** Thrown when a document expands past {@link #MAX_NODES}. */
  static final class TooLargeException extends RuntimeException {
    final Position position;

    TooLargeException(Position position) {
      super("document too large", null, false, false);
      this.position = position;
    }
  }
}
