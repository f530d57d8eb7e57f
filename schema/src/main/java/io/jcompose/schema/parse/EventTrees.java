package io.jcompose.schema.parse;

import io.jcompose.schema.node.MapNode;
import io.jcompose.schema.node.Node;
import io.jcompose.schema.node.Position;
import io.jcompose.schema.node.ScalarNode;
import io.jcompose.schema.node.SeqNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.events.Event;
import org.snakeyaml.engine.v2.events.MappingStartEvent;
import org.snakeyaml.engine.v2.events.NodeEvent;
import org.snakeyaml.engine.v2.events.ScalarEvent;
import org.snakeyaml.engine.v2.events.SequenceStartEvent;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.Tag;
import org.snakeyaml.engine.v2.parser.Parser;
import org.snakeyaml.engine.v2.parser.ParserImpl;
import org.snakeyaml.engine.v2.resolver.ScalarResolver;
import org.snakeyaml.engine.v2.scanner.StreamReader;

/**
 * Builds our nodes straight from snakeyaml-engine's parser events, skipping its composer and its
 * node graph, for the documents most compose files are: no anchors, aliases or merge keys, no
 * unknown tags, no duplicate or non-scalar keys, no syntax error. Anything else gives up (returns
 * null) so that {@link YamlParser} parses the text again the composer's way, which handles and
 * reports all of it; for the documents built here both ways give equal trees.
 *
 * <p>Why: a run of {@code config} parses once, interpreted, and the composer, its nodes and the
 * conversion of those nodes are a third of that parse.
 */
final class EventTrees {

  private final Parser parser;
  private final String fileName;
  private final ScalarResolver resolver;
  private int visited;
  private int depth;

  private EventTrees(Parser parser, String fileName, ScalarResolver resolver) {
    this.parser = parser;
    this.fileName = fileName;
    this.resolver = resolver;
  }

  /** The non-empty documents of {@code text}, or null when the composer's way is needed. */
  static List<Node> documents(String fileName, String text, LoadSettings settings) {
    try {
      var parser = new ParserImpl(settings, new StreamReader(settings, text));
      var trees = new EventTrees(parser, fileName, settings.getSchema().getScalarResolver());
      return trees.documents();
    } catch (GiveUp | YamlEngineException e) {
      return null;
    }
  }

  private List<Node> documents() {
    expect(Event.ID.StreamStart);
    var documents = new ArrayList<Node>();
    while (!parser.checkEvent(Event.ID.StreamEnd)) {
      expect(Event.ID.DocumentStart);
      Node root = node(parser.next());
      expect(Event.ID.DocumentEnd);
      if (!(root instanceof ScalarNode scalar && scalar.isNull())) {
        documents.add(root);
      }
    }
    return documents;
  }

  private void expect(Event.ID id) {
    if (!parser.checkEvent(id)) {
      throw GiveUp.INSTANCE;
    }
    parser.next();
  }

  private Node node(Event event) {
    if (depth >= YamlParser.MAX_DEPTH) {
      throw GiveUp.INSTANCE; // the composer's way reports it
    }
    depth++;
    try {
      return nodeAtDepth(event);
    } finally {
      depth--;
    }
  }

  private Node nodeAtDepth(Event event) {
    if (++visited > YamlParser.MAX_NODES
        || !(event instanceof NodeEvent nodeEvent)
        || nodeEvent.getAnchor().isPresent()) {
      throw GiveUp.INSTANCE; // aliases are node events too, without a start event's type below
    }
    Position position = YamlParser.position(fileName, event.getStartMark());
    if (event instanceof ScalarEvent scalar) {
      Tag tag = scalarTag(scalar);
      return new ScalarNode(
          ScalarValues.resolve(scalar.getValue(), tag, scalar.isPlain()), position, ourTag(tag));
    }
    if (event instanceof SequenceStartEvent start) {
      Tag tag = collectionTag(start.getTag(), Tag.SEQ);
      var items = new ArrayList<Node>();
      while (!parser.checkEvent(Event.ID.SequenceEnd)) {
        items.add(node(parser.next()));
      }
      parser.next();
      return new SeqNode(items, position, ourTag(tag));
    }
    if (event instanceof MappingStartEvent start) {
      Tag tag = collectionTag(start.getTag(), Tag.MAP);
      return mapping(position, ourTag(tag));
    }
    throw GiveUp.INSTANCE;
  }

  private MapNode mapping(Position position, io.jcompose.schema.node.Tag tag) {
    var entries = new LinkedHashMap<String, Node>();
    var keyPositions = new LinkedHashMap<String, Position>();
    while (!parser.checkEvent(Event.ID.MappingEnd)) {
      Event keyEvent = parser.next();
      if (!(keyEvent instanceof ScalarEvent key)
          || key.getAnchor().isPresent()
          || scalarTag(key).equals(Tag.MERGE)
          || entries.containsKey(key.getValue())) {
        throw GiveUp.INSTANCE;
      }
      entries.put(key.getValue(), node(parser.next()));
      keyPositions.put(key.getValue(), YamlParser.position(fileName, key.getStartMark()));
    }
    parser.next();
    return new MapNode(entries, keyPositions, position, tag);
  }

  /** The tag snakeyaml's composer gives a scalar: the explicit one, else the resolved one. */
  private Tag scalarTag(ScalarEvent scalar) {
    Optional<String> explicit = scalar.getTag();
    if (explicit.isEmpty() || explicit.get().equals("!")) {
      return resolver.resolve(scalar.getValue(), scalar.getImplicit().canOmitTagInPlainScalar());
    }
    return new Tag(explicit.get());
  }

  private static Tag collectionTag(Optional<String> explicit, Tag implicit) {
    return explicit.isEmpty() || explicit.get().equals("!") ? implicit : new Tag(explicit.get());
  }

  /** As the composer path's tagOf, giving up where that one reports an unknown tag. */
  private static io.jcompose.schema.node.Tag ourTag(Tag tag) {
    String value = tag.getValue();
    if (value.equals("!reset")) {
      return io.jcompose.schema.node.Tag.RESET;
    }
    if (value.equals("!override")) {
      return io.jcompose.schema.node.Tag.OVERRIDE;
    }
    if (value.startsWith("!") && !value.startsWith("!!") && !value.equals(YamlParser.ENV_TAG)) {
      throw GiveUp.INSTANCE;
    }
    return io.jcompose.schema.node.Tag.NONE;
  }

  /** Thrown to leave the event path; carries no stack. */
  private static final class GiveUp extends RuntimeException {
    static final GiveUp INSTANCE = new GiveUp();

    private GiveUp() {
      super("not a plain document", null, false, false);
    }
  }
}
