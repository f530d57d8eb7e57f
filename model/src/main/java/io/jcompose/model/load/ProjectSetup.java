package io.jcompose.model.load;

import io.jcompose.model.dotenv.DotEnv;
import io.jcompose.model.dotenv.DotEnvException;
import io.jcompose.schema.diagnostic.Diagnostics;
import io.jcompose.schema.node.Position;
import io.jcompose.schema.node.YamlPath;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The project options docker compose settles before reading any compose file: which files, the
 * project directory, the environment (OS over env files) and the active profiles.
 *
 * @param files the compose files, absolute ({@code "-"} for stdin)
 * @param projectDirectory the directory relative paths are resolved against
 * @param environment OS environment over env-file values
 * @param profiles the active profiles
 */
record ProjectSetup(
    List<Path> files, Path projectDirectory, Environment environment, List<String> profiles) {

  private static final List<String> DEFAULT_FILES =
      List.of("compose.yaml", "compose.yml", "docker-compose.yml", "docker-compose.yaml");
  private static final List<String> OVERRIDE_FILES =
      List.of(
          "compose.override.yml",
          "compose.override.yaml",
          "docker-compose.override.yml",
          "docker-compose.override.yaml");

  /** Settles the options, or returns empty after reporting why it cannot. */
  static Optional<ProjectSetup> resolve(LoadOptions options, Diagnostics diagnostics) {
    Path cwd = options.invocation().workingDirectory().toAbsolutePath().normalize();
    var environment = new LinkedHashMap<>(options.invocation().environment());
    environment.putIfAbsent("PWD", cwd.toString());
    Environment osEnvironment = new Environment(environment);

    // Plain code rather than streams and lambdas here: this runs once per process, interpreted.
    Optional<Path> explicitDirectory =
        options.sources().projectDirectory().isPresent()
            ? Optional.of(absolute(cwd, options.sources().projectDirectory().get()))
            : Optional.empty();
    var explicitFiles = new ArrayList<Path>();
    for (String file : options.sources().files()) {
      explicitFiles.add(file(cwd, file));
    }
    Path firstDirectory =
        explicitDirectory.isPresent()
            ? explicitDirectory.get()
            : firstNonStdinDirectory(explicitFiles, cwd);
    Environment env = withEnvFiles(osEnvironment, options, firstDirectory, cwd, diagnostics);

    List<Path> found = List.copyOf(explicitFiles);
    if (found.isEmpty()) {
      found = fromComposeFileVariable(env, cwd);
    }
    if (found.isEmpty()) {
      found = discover(cwd, diagnostics);
      if (found.isEmpty()) {
        return Optional.empty();
      }
    }
    List<Path> files = found;
    Path projectDirectory =
        explicitDirectory.isPresent()
            ? explicitDirectory.get()
            : firstNonStdinDirectory(files, cwd);
    if (!projectDirectory.equals(firstDirectory)) {
      // docker compose reads the env files again from the directory it now knows, without
      // overriding what the first reading set
      env = withEnvFiles(env, options, projectDirectory, cwd, diagnostics);
    }
    List<String> profiles = options.selection().profiles();
    if (profiles.isEmpty()) {
      profiles = splitList(env.lookup("COMPOSE_PROFILES").orElse(""), ",");
    }
    return Optional.of(new ProjectSetup(files, projectDirectory, env, profiles));
  }

  private static Path firstNonStdinDirectory(List<Path> files, Path cwd) {
    for (Path file : files) {
      if (!file.toString().equals(SourceFiles.STDIN)) {
        Path parent = file.getParent();
        return parent == null ? cwd : parent;
      }
    }
    return cwd;
  }

  private static Environment withEnvFiles(
      Environment os, LoadOptions options, Path directory, Path cwd, Diagnostics diagnostics) {
    List<String> names = options.sources().envFiles();
    if (names.isEmpty()) {
      names = splitList(os.lookup("COMPOSE_ENV_FILES").orElse(""), ",");
    }
    List<Path> envFiles = new ArrayList<>();
    for (String name : names) {
      envFiles.add(absolute(cwd, Path.of(name)));
    }
    boolean explicit = !envFiles.isEmpty();
    if (!explicit) {
      Path dotEnv = directory.resolve(".env");
      if (os.isTrue("COMPOSE_DISABLE_ENV_FILE") || !Files.isRegularFile(dotEnv)) {
        return os;
      }
      envFiles = List.of(dotEnv);
    }
    var fromFiles = new LinkedHashMap<String, String>();
    for (Path envFile : envFiles) {
      if (explicit && !Files.exists(envFile)) {
        diagnostics.error(
            Position.UNKNOWN,
            YamlPath.ROOT,
            "env file " + envFile + " does not exist",
            "check the --env-file option or COMPOSE_ENV_FILES");
        continue;
      }
      if (Files.isDirectory(envFile)) {
        diagnostics.error(
            Position.UNKNOWN, YamlPath.ROOT, "env file " + envFile + " is a directory");
        continue;
      }
      fromFiles.putAll(readEnvFile(envFile, os, fromFiles, diagnostics));
    }
    return os.withDefaults(fromFiles);
  }

  static Map<String, String> readEnvFile(
      Path envFile, Environment os, Map<String, String> earlier, Diagnostics diagnostics) {
    try {
      return DotEnv.read(
          envFile, name -> os.lookup(name).or(() -> Optional.ofNullable(earlier.get(name))));
    } catch (DotEnvException e) {
      diagnostics.error(
          new Position(envFile.toString(), e.line(), e.column()), YamlPath.ROOT, e.getMessage());
    } catch (IOException e) {
      diagnostics.error(
          new Position(envFile.toString(), 0, 0),
          YamlPath.ROOT,
          "cannot read env file: " + e.getMessage());
    }
    return Map.of();
  }

  private static List<Path> fromComposeFileVariable(Environment env, Path cwd) {
    String separator = env.lookup("COMPOSE_PATH_SEPARATOR").orElse(":");
    return splitList(env.lookup("COMPOSE_FILE").orElse(""), separator).stream()
        .map(f -> file(cwd, f))
        .toList();
  }

  private static List<Path> discover(Path cwd, Diagnostics diagnostics) {
    for (Path directory = cwd; directory != null; directory = directory.getParent()) {
      var found = new ArrayList<Path>();
      for (String name : DEFAULT_FILES) {
        if (Files.isRegularFile(directory.resolve(name))) {
          found.add(directory.resolve(name));
        }
      }
      if (found.isEmpty()) {
        continue;
      }
      if (found.size() > 1) {
        diagnostics.warning(
            Position.UNKNOWN,
            YamlPath.ROOT,
            "found multiple config files with supported names: "
                + found.stream().map(Path::toString).toList()
                + "; using "
                + found.get(0));
      }
      var files = new ArrayList<Path>(List.of(found.get(0)));
      for (String name : OVERRIDE_FILES) {
        if (Files.isRegularFile(directory.resolve(name))) {
          files.add(directory.resolve(name));
          break;
        }
      }
      return files;
    }
    diagnostics.error(
        Position.UNKNOWN,
        YamlPath.ROOT,
        "no configuration file provided: not found",
        "name one with -f, or run jcompose in a directory with a compose.yaml");
    return List.of();
  }

  private static Path file(Path cwd, String name) {
    return name.equals(SourceFiles.STDIN)
        ? Path.of(SourceFiles.STDIN)
        : absolute(cwd, Path.of(name));
  }

  static Path absolute(Path base, Path path) {
    String text = path.toString();
    if (text.equals("~") || text.startsWith("~/")) {
      path = Path.of(System.getProperty("user.home") + text.substring(1));
    }
    return base.resolve(path).toAbsolutePath().normalize();
  }

  static List<String> splitList(String text, String separator) {
    if (text.isBlank()) {
      return List.of();
    }
    return Arrays.stream(text.split(java.util.regex.Pattern.quote(separator)))
        .map(String::trim)
        .filter(s -> !s.isEmpty())
        .toList();
  }
}
