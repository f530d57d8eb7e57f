package io.jcompose.model.canonical;

import io.jcompose.schema.diagnostic.Diagnostics;
import io.jcompose.schema.node.MapNode;
import io.jcompose.schema.node.Node;
import io.jcompose.schema.node.YamlPath;
import java.util.LinkedHashMap;

/**
 * Rewrites a merged, schema-valid document into docker compose's canonical long form: short syntax
 * to long syntax, typed values cast, defaults filled in, normalisation and relative paths.
 *
 * <p>Shapes produced: a port is {@code {mode, host_ip?, target (int), published? (string),
 * protocol}}; a volume is {@code {type, source?, target, read_only?, bind: {propagation?,
 * create_host_path, selinux?} | volume: {nocopy?}}}; {@code depends_on} is {@code name: {condition,
 * required}}; {@code environment} is a mapping of strings, null for unset; byte sizes are decimal
 * strings of bytes; durations are kept as written once validated.
 */
public final class Canonicalizer {

  private Canonicalizer() {}

  public static MapNode canonicalize(
      MapNode document, CanonicalContext context, Diagnostics diagnostics) {
    var problems = new Problems(diagnostics, !context.interpolated());
    MapNode result = TypeCasts.apply(document, problems);
    if (result.get("services") instanceof MapNode services) {
      var forms = new ServiceForms(context, problems);
      var entries = new LinkedHashMap<String, Node>();
      YamlPath servicesPath = YamlPath.ROOT.key("services");
      for (var entry : services.entries().entrySet()) {
        String name = entry.getKey();
        Node service = entry.getValue();
        entries.put(
            name,
            service instanceof MapNode map
                ? Unicity.apply(forms.canonicalize(map, servicesPath.key(name)))
                : service);
      }
      result = result.with("services", services.withEntries(entries));
    }
    var resources = new ResourceForms(problems);
    for (String kind : ResourceForms.KINDS) {
      if (result.get(kind) instanceof MapNode map) {
        result = result.with(kind, resources.canonicalize(kind, map, YamlPath.ROOT.key(kind)));
      }
    }
    if (context.resolvePaths()) {
      String home = context.environment().apply("HOME").orElseGet(RelativePaths::userHome);
      result = new PathResolver(context.projectDirectory(), home).document(result);
    }
    if (context.normalize()) {
      result = Normalization.apply(result, context.projectName());
    }
    return result;
  }
}
