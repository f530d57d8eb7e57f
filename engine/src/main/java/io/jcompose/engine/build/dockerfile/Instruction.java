package io.jcompose.engine.build.dockerfile;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One Dockerfile instruction, with the line it starts on. Words are kept as written: the builder
 * expands variables through {@link Scope} for the instructions that substitute them (ADD, ARG,
 * COPY, ENV, EXPOSE, FROM, LABEL, STOPSIGNAL, USER, VOLUME, WORKDIR).
 */
public sealed interface Instruction {

  /** The 1-based line of the Dockerfile the instruction starts on. */
  int line();

  /** {@code FROM [--platform=p] image [AS name]}; {@code stageName} is lower-cased, or null. */
  record From(int line, String platform, String image, String stageName) implements Instruction {
    public From {
      Objects.requireNonNull(image, "image");
    }

    public Optional<String> stage() {
      return Optional.ofNullable(stageName);
    }
  }

  /**
   * {@code RUN [--mount=...] [--network=...] command}; flags kept raw for the builder. With
   * here-documents ({@code RUN <<EOF}), the command is the shell line naming them.
   */
  record Run(int line, List<Flag> flags, Command command, List<Heredoc> heredocs)
      implements Instruction {
    public Run {
      flags = List.copyOf(flags);
      Objects.requireNonNull(command, "command");
      heredocs = List.copyOf(heredocs);
    }

    public Run(int line, List<Flag> flags, Command command) {
      this(line, flags, command, List.of());
    }
  }

  record Cmd(int line, Command command) implements Instruction {
    public Cmd {
      Objects.requireNonNull(command, "command");
    }
  }

  record Entrypoint(int line, Command command) implements Instruction {
    public Entrypoint {
      Objects.requireNonNull(command, "command");
    }
  }

  /**
   * {@code COPY} and {@code ADD} share their shape; {@code add} tells them apart. A source written
   * {@code <<EOF} is the here-document of that name, an inline file.
   */
  record Copy(
      int line,
      boolean add,
      CopyOptions options,
      List<String> sources,
      String destination,
      List<Heredoc> heredocs)
      implements Instruction {
    public Copy {
      Objects.requireNonNull(options, "options");
      sources = List.copyOf(sources);
      Objects.requireNonNull(destination, "destination");
      heredocs = List.copyOf(heredocs);
      if (sources.isEmpty()) {
        throw new IllegalArgumentException("a copy needs at least one source");
      }
    }

    public Copy(
        int line, boolean add, CopyOptions options, List<String> sources, String destination) {
      this(line, add, options, sources, destination, List.of());
    }

    /**
     * The here-document a source names ({@code <<EOF}, {@code <<-EOF}, {@code <<"EOF"}), if any.
     */
    public Optional<Heredoc> heredoc(String source) {
      if (!source.startsWith("<<")) {
        return Optional.empty();
      }
      String name = source.substring(2).replaceFirst("^-", "").replaceAll("^([\"'])(.*)\\1$", "$2");
      return heredocs.stream().filter(heredoc -> heredoc.name().equals(name)).findFirst();
    }
  }

  /**
   * The flags of COPY/ADD: {@code from} (a stage name, index or image), {@code chown}, {@code
   * chmod} (each null when absent), {@code link}, and the rest (e.g. {@code --checksum}) raw.
   */
  record CopyOptions(String from, String chown, String chmod, boolean link, List<Flag> other) {
    public CopyOptions {
      other = List.copyOf(other);
    }

    public Optional<String> source() {
      return Optional.ofNullable(from);
    }
  }

  record Workdir(int line, String path) implements Instruction {
    public Workdir {
      Objects.requireNonNull(path, "path");
    }
  }

  record Env(int line, List<KeyValue> variables) implements Instruction {
    public Env {
      variables = List.copyOf(variables);
    }
  }

  /** {@code ARG name[=default] ...}: one or more declarations. */
  record Arg(int line, List<Declaration> declarations) implements Instruction {
    public Arg {
      declarations = List.copyOf(declarations);
    }

    /** One declared name with its raw default, or null when it has none. */
    public record Declaration(String name, String defaultValue) {
      public Declaration {
        Objects.requireNonNull(name, "name");
      }
    }
  }

  record Label(int line, List<KeyValue> labels) implements Instruction {
    public Label {
      labels = List.copyOf(labels);
    }
  }

  /** {@code EXPOSE 80 53/udp}: raw words, read with {@link ExposedPort#parse} once expanded. */
  record Expose(int line, List<String> ports) implements Instruction {
    public Expose {
      ports = List.copyOf(ports);
    }
  }

  record User(int line, String user) implements Instruction {
    public User {
      Objects.requireNonNull(user, "user");
    }
  }

  record Volume(int line, List<String> paths) implements Instruction {
    public Volume {
      paths = List.copyOf(paths);
    }
  }

  /** {@code HEALTHCHECK NONE} (command null) or {@code HEALTHCHECK [options] CMD command}. */
  record Healthcheck(int line, Command command, HealthOptions options) implements Instruction {
    public Healthcheck {
      Objects.requireNonNull(options, "options");
    }

    public boolean disabled() {
      return command == null;
    }
  }

  /** The HEALTHCHECK options; each is null when not given (the image default applies). */
  record HealthOptions(
      Duration interval,
      Duration timeout,
      Duration startPeriod,
      Duration startInterval,
      Integer retries) {
    static final HealthOptions NONE = new HealthOptions(null, null, null, null, null);
  }

  record Shell(int line, List<String> shell) implements Instruction {
    public Shell {
      shell = List.copyOf(shell);
    }
  }

  record StopSignal(int line, String signal) implements Instruction {
    public StopSignal {
      Objects.requireNonNull(signal, "signal");
    }
  }

  /** {@code ONBUILD trigger}: the trigger parsed, and as written for the image config. */
  record OnBuild(int line, Instruction trigger, String expression) implements Instruction {
    public OnBuild {
      Objects.requireNonNull(trigger, "trigger");
      Objects.requireNonNull(expression, "expression");
    }
  }

  record Maintainer(int line, String name) implements Instruction {
    public Maintainer {
      Objects.requireNonNull(name, "name");
    }
  }
}
