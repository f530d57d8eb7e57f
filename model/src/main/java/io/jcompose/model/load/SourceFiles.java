package io.jcompose.model.load;

import io.jcompose.schema.diagnostic.Diagnostics;
import io.jcompose.schema.node.Node;
import io.jcompose.schema.node.Position;
import io.jcompose.schema.node.YamlPath;
import io.jcompose.schema.parse.ParseResult;
import io.jcompose.schema.parse.YamlParser;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads and parses compose files once per load, naming each the way the user sees it (relative to
 * the current directory when it lies below it).
 */
public final class SourceFiles {

  /** The name stdin gets in diagnostics. */
  public static final String STDIN = "-";

  private final Path workingDirectory;
  private final LoadOptions.StdinSource stdin;
  private final Map<Path, Optional<List<Node>>> parsed = new HashMap<>();

  public SourceFiles(Path workingDirectory, LoadOptions.StdinSource stdin) {
    this.workingDirectory = workingDirectory.toAbsolutePath().normalize();
    this.stdin = stdin;
  }

  /** How a file is named in diagnostics. */
  public String displayName(Path file) {
    if (file.toString().equals(STDIN)) {
      return STDIN;
    }
    Path absolute = file.toAbsolutePath().normalize();
    return absolute.startsWith(workingDirectory) && !absolute.equals(workingDirectory)
        ? workingDirectory.relativize(absolute).toString()
        : absolute.toString();
  }

  /**
   * The YAML documents of {@code file}, or empty when it cannot be read or parsed (the problem is
   * reported once, at {@code from}).
   */
  public Optional<List<Node>> documents(
      Path file, Position from, YamlPath fromPath, Diagnostics diagnostics) {
    Path key = file.toString().equals(STDIN) ? file : file.toAbsolutePath().normalize();
    if (parsed.containsKey(key)) {
      return parsed.get(key);
    }
    Optional<List<Node>> result = read(key, from, fromPath, diagnostics);
    parsed.put(key, result);
    return result;
  }

  private Optional<List<Node>> read(
      Path file, Position from, YamlPath fromPath, Diagnostics diagnostics) {
    String name = displayName(file);
    String text;
    if (file.toString().equals(STDIN)) {
      text = stdin.read();
    } else {
      try {
        text = Files.readString(file, StandardCharsets.UTF_8);
      } catch (NoSuchFileException e) {
        diagnostics.error(from, fromPath, "file " + name + " does not exist");
        return Optional.empty();
      } catch (CharacterCodingException e) {
        diagnostics.error(
            from,
            fromPath,
            "file " + name + " is not UTF-8 text",
            "compose files are YAML in UTF-8; check that this is the file you meant");
        return Optional.empty();
      } catch (IOException e) {
        diagnostics.error(from, fromPath, "cannot read " + name + ": " + e.getMessage());
        return Optional.empty();
      }
    }
    if (!text.isEmpty() && text.charAt(0) == '\uFEFF') {
      text = text.substring(1);
    }
    ParseResult result = YamlParser.parse(name, text);
    diagnostics.addAll(result.diagnostics());
    if (result.hasErrors()) {
      return Optional.empty();
    }
    if (result.documents().isEmpty()) {
      diagnostics.error(new Position(name, 1, 1), YamlPath.ROOT, "empty compose file");
      return Optional.empty();
    }
    return Optional.of(result.documents());
  }
}
