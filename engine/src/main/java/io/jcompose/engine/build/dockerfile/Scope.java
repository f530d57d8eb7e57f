package io.jcompose.engine.build.dockerfile;

import io.jcompose.engine.fault.EngineFault;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The variables an instruction may substitute, following the Dockerfile reference:
 *
 * <ul>
 *   <li>the global scope holds the ARGs before the first FROM and the automatic platform arguments
 *       ({@code TARGETPLATFORM}, {@code BUILDARCH}, ...); FROM sees only it;
 *   <li>a stage starts with only its base image's ENV; an ARG is visible from its declaration to
 *       the end of the stage, a bare {@code ARG NAME} taking the global value (or the platform
 *       argument) when there is one;
 *   <li>a build argument ({@code --build-arg}) overrides an ARG's default, but only a declared ARG
 *       is visible; ENV overrides an ARG of the same name.
 * </ul>
 *
 * <p>Immutable: {@link #with} answers the scope after an ARG or ENV.
 */
public final class Scope {

  /** Build arguments usable by RUN without an ARG, as dockerd predefines them. */
  public static final List<String> PROXY_ARGS =
      List.of(
          "HTTP_PROXY",
          "http_proxy",
          "HTTPS_PROXY",
          "https_proxy",
          "FTP_PROXY",
          "ftp_proxy",
          "NO_PROXY",
          "no_proxy",
          "ALL_PROXY",
          "all_proxy");

  private final char escape;
  private final Map<String, String> buildArgs;
  private final Map<String, String> globals;
  private final Map<String, String> args;
  private final Map<String, String> env;

  private Scope(
      char escape,
      Map<String, String> buildArgs,
      Map<String, String> globals,
      Map<String, String> args,
      Map<String, String> env) {
    this.escape = escape;
    this.buildArgs = buildArgs;
    this.globals = globals;
    this.args = Collections.unmodifiableMap(new LinkedHashMap<>(args));
    this.env = Collections.unmodifiableMap(new LinkedHashMap<>(env));
  }

  /**
   * The global scope of a Dockerfile: its ARGs before the first FROM, each taking the build
   * argument of its name or else its (expanded) default, plus the automatic platform arguments.
   * Expand a stage's {@code FROM} with it, then start the stage with {@link #stage}.
   */
  public static Scope global(
      Dockerfile dockerfile, Map<String, String> buildArgs, Platforms platforms) {
    Objects.requireNonNull(platforms, "platforms");
    Map<String, String> platformArgs = platforms.arguments();
    Scope scope =
        new Scope(
            dockerfile.directives().escape(),
            Map.copyOf(buildArgs),
            platformArgs,
            platformArgs,
            Map.of());
    for (Instruction.Arg arg : dockerfile.globalArgs()) {
      scope = scope.with(arg);
    }
    return scope;
  }

  /** A stage's starting scope: its base image's ENV, and no ARG until the stage declares one. */
  public Scope stage(Map<String, String> baseImageEnv) {
    return new Scope(escape, buildArgs, visible(args), Map.of(), baseImageEnv);
  }

  /** The scope after {@code instruction}: an ARG declares, an ENV sets; others change nothing. */
  public Scope with(Instruction instruction) {
    if (instruction instanceof Instruction.Arg) {
      Map<String, String> declared = new LinkedHashMap<>(args);
      for (Instruction.Arg.Declaration declaration :
          ((Instruction.Arg) instruction).declarations()) {
        String name = declaration.name();
        String value;
        if (buildArgs.containsKey(name)) {
          value = buildArgs.get(name);
        } else if (declaration.defaultValue() != null) {
          value = expand(instruction.line(), declaration.defaultValue());
        } else {
          value = globals.get(name);
        }
        declared.put(name, value);
      }
      return new Scope(escape, buildArgs, globals, declared, env);
    }
    if (instruction instanceof Instruction.Env) {
      Map<String, String> set = new LinkedHashMap<>(env);
      for (KeyValue variable : ((Instruction.Env) instruction).variables()) {
        // Every value of one ENV sees the variables as they were before it.
        set.put(variable.key(), expand(instruction.line(), variable.value()));
      }
      return new Scope(escape, buildArgs, globals, args, set);
    }
    return this;
  }

  /** The value a {@code $name} would take here, empty when the variable is not set. */
  public Optional<String> lookup(String name) {
    if (env.containsKey(name)) {
      return Optional.of(env.get(name));
    }
    return Optional.ofNullable(args.get(name));
  }

  /**
   * One word with its quotes and escapes processed and its variables replaced.
   *
   * @param line the word's Dockerfile line, for errors ({@code ${VAR:?message}}, bad quotes)
   * @throws EngineFault.InvalidArgument naming {@code Dockerfile:LINE}
   */
  public String expand(int line, String word) {
    return WordExpander.expand(word, escape, name -> lookup(name).orElse(null), line);
  }

  /**
   * The instruction with its words expanded when the Dockerfile reference says it substitutes
   * variables (ADD, ARG defaults, COPY, ENV, EXPOSE, FROM, LABEL, STOPSIGNAL, USER, VOLUME,
   * WORKDIR); RUN, CMD, ENTRYPOINT, SHELL, HEALTHCHECK and ONBUILD come back unchanged.
   */
  public Instruction expand(Instruction instruction) {
    return InstructionExpander.expand(instruction, this);
  }

  /** The ENV plus the declared ARGs with a value, and the proxy build arguments, for RUN. */
  public Map<String, String> runEnvironment() {
    Map<String, String> environment = new LinkedHashMap<>();
    for (String proxy : PROXY_ARGS) {
      if (buildArgs.containsKey(proxy)) {
        environment.put(proxy, buildArgs.get(proxy));
      }
    }
    environment.putAll(visible(args));
    environment.putAll(env);
    return environment;
  }

  /** The ENV set so far (the base image's and the stage's), for the image config. */
  public Map<String, String> env() {
    return env;
  }

  private static Map<String, String> visible(Map<String, String> values) {
    Map<String, String> set = new LinkedHashMap<>();
    values.forEach(
        (name, value) -> {
          if (value != null) {
            set.put(name, value);
          }
        });
    return set;
  }
}
