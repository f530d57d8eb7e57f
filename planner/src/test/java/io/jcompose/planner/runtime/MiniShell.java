package io.jcompose.planner.runtime;

import io.jcompose.planner.runtime.ShellScript.Literal;
import io.jcompose.planner.runtime.ShellScript.Part;
import io.jcompose.planner.runtime.ShellScript.Redirect;
import io.jcompose.planner.runtime.ShellScript.Statement;
import io.jcompose.planner.runtime.ShellScript.Variable;
import io.jcompose.planner.runtime.ShellScript.Word;
import io.jcompose.planner.spi.LogLine;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * The in-memory runtime's stand-in for a container's processes: an interpreter of {@code entrypoint
 * + command} that knows {@code echo}, {@code exit N}, {@code true}, {@code false}, {@code :},
 * {@code sleep}, {@code tail -f}, {@code cat} (of nothing), {@code printenv}, {@code exec}, {@code
 * NAME=value} and {@code sh -c "script"} with the syntax of {@link ShellScript}. Redirections
 * {@code >&2}, {@code 2>&1} and {@code >/dev/null} work; output to any other file is dropped. Any
 * other command is not found (status 127, a line on stderr, as a shell says it); syntax it does not
 * know ends the script with status 2 and says why on stderr.
 *
 * <p>Nothing waits for real. A main process that reaches {@code sleep} or {@code tail -f} is still
 * running: the run stops there and reports no exit code. In an exec or a healthcheck a finite
 * {@code sleep} passes at once; {@code sleep infinity} and {@code tail -f} still never end.
 */
final class MiniShell {

  private static final Pattern DURATION = Pattern.compile("\\d+(\\.\\d+)?[smhd]?");
  private static final Pattern ASSIGNMENT = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*=.*");

  /** One line a program wrote. */
  record Output(LogLine.Stream stream, String text) {
    Output {
      Objects.requireNonNull(stream, "stream");
      Objects.requireNonNull(text, "text");
    }
  }

  /**
   * What a program did.
   *
   * @param exitCode empty while the program still runs (it reached a {@code sleep} or {@code tail
   *     -f})
   */
  record Run(List<Output> output, OptionalInt exitCode) {
    Run {
      output = List.copyOf(output);
      Objects.requireNonNull(exitCode, "exitCode");
    }

    boolean stillRunning() {
      return exitCode.isEmpty();
    }
  }

  private enum Sink {
    STDOUT,
    STDERR,
    DISCARD
  }

  private final Map<String, String> variables;
  private final boolean finiteSleepsBlock;
  private final List<Output> output;
  private final Sink stdout;
  private final Sink stderr;
  private int status;
  private boolean exited;
  private boolean blocked;

  private MiniShell(
      Map<String, String> variables,
      boolean finiteSleepsBlock,
      List<Output> output,
      Sink stdout,
      Sink stderr) {
    this.variables = new LinkedHashMap<>(variables);
    this.finiteSleepsBlock = finiteSleepsBlock;
    this.output = output;
    this.stdout = stdout;
    this.stderr = stderr;
  }

  /**
   * Runs a program given as an argument vector, the way a container runtime execs it.
   *
   * @param environment the process's environment
   * @param finiteSleepsBlock whether {@code sleep 5} keeps the program running (a main process) or
   *     passes at once (an exec, a healthcheck)
   */
  static Run run(List<String> argv, Map<String, String> environment, boolean finiteSleepsBlock) {
    var shell =
        new MiniShell(environment, finiteSleepsBlock, new ArrayList<>(), Sink.STDOUT, Sink.STDERR);
    int exitCode = argv.isEmpty() ? 0 : shell.command(argv, Sink.STDOUT, Sink.STDERR, false);
    return new Run(shell.output, shell.blocked ? OptionalInt.empty() : OptionalInt.of(exitCode));
  }

  private int script(String text) {
    ShellScript parsed;
    try {
      parsed = ShellScript.parse(text);
    } catch (ShellScript.UnsupportedSyntax unsupported) {
      write(stderr, "sh: " + unsupported.getMessage());
      return 2;
    }
    for (Statement statement : parsed.statements()) {
      boolean skipped =
          switch (statement.connector()) {
            case ALWAYS -> false;
            case IF_SUCCEEDED -> status != 0;
            case IF_FAILED -> status == 0;
          };
      if (skipped) {
        continue;
      }
      status = statement(statement);
      if (exited || blocked) {
        break;
      }
    }
    return status;
  }

  private int statement(Statement statement) {
    Sink out = stdout;
    Sink err = stderr;
    for (Redirect redirect : statement.redirects()) {
      Sink target =
          switch (redirect.target()) {
            case "&1" -> out;
            case "&2" -> err;
            default -> Sink.DISCARD;
          };
      if (redirect.fileDescriptor() == 1) {
        out = target;
      } else if (redirect.fileDescriptor() == 2) {
        err = target;
      }
    }
    List<String> words = expand(statement.words());
    int assignments = 0;
    while (assignments < words.size() && ASSIGNMENT.matcher(words.get(assignments)).matches()) {
      assignments++;
    }
    if (assignments == words.size()) {
      for (String assignment : words) {
        int equals = assignment.indexOf('=');
        variables.put(assignment.substring(0, equals), assignment.substring(equals + 1));
      }
      return 0;
    }
    return command(words.subList(assignments, words.size()), out, err, true);
  }

  private List<String> expand(List<Word> words) {
    var expanded = new ArrayList<String>();
    for (Word word : words) {
      var text = new StringBuilder();
      for (Part part : word.parts()) {
        if (part instanceof Literal literal) {
          text.append(literal.text());
        } else if (part instanceof Variable variable) {
          String value = value(variable.name());
          text.append(value.isEmpty() ? variable.fallback().orElse("") : value);
        }
      }
      if (word.quoted() || text.length() > 0) {
        expanded.add(text.toString());
      }
    }
    return expanded;
  }

  private String value(String name) {
    return switch (name) {
      case "?" -> Integer.toString(status);
      case "$" -> "1";
      case "0" -> "sh";
      case "#" -> "0";
      default -> variables.getOrDefault(name, "");
    };
  }

  private int command(List<String> words, Sink out, Sink err, boolean inShell) {
    String program = words.get(0).substring(words.get(0).lastIndexOf('/') + 1);
    List<String> arguments = words.subList(1, words.size());
    switch (program) {
      case "echo":
        return echo(arguments, out);
      case "true":
        return 0;
      case "false":
        return 1;
      case "sleep":
        return sleep(arguments, err);
      case "tail":
        return tail(arguments, err);
      case "cat":
        return cat(arguments, err);
      case "printenv":
        return printenv(arguments, out);
      case "sh", "ash", "bash":
        return shell(arguments, out, err);
      default:
        break;
    }
    if (inShell) {
      switch (program) {
        case ":":
          return 0;
        case "exit":
          return exit(arguments, err);
        case "exec":
          int execStatus = arguments.isEmpty() ? 0 : command(arguments, out, err, true);
          exited = true;
          return execStatus;
        default:
          write(err, "sh: " + words.get(0) + ": not found");
          return 127;
      }
    }
    write(err, "exec: \"" + words.get(0) + "\": executable file not found in $PATH");
    return 127;
  }

  private int echo(List<String> arguments, Sink out) {
    int first = 0;
    boolean escapes = false;
    while (first < arguments.size() && arguments.get(first).matches("-[neE]+")) {
      escapes |= arguments.get(first).contains("e");
      first++;
    }
    String text = String.join(" ", arguments.subList(first, arguments.size()));
    if (escapes) {
      text = text.replace("\\n", "\n").replace("\\t", "\t").replace("\\\\", "\\");
    }
    write(out, text);
    return 0;
  }

  private int sleep(List<String> arguments, Sink err) {
    if (arguments.isEmpty()) {
      write(err, "sleep: missing operand");
      return 1;
    }
    for (String argument : arguments) {
      if (argument.equals("infinity")) {
        blocked = true;
        return 0;
      }
      if (!DURATION.matcher(argument).matches()) {
        write(err, "sleep: invalid number '" + argument + "'");
        return 1;
      }
    }
    blocked = finiteSleepsBlock;
    return 0;
  }

  private int tail(List<String> arguments, Sink err) {
    for (String argument : arguments) {
      if (argument.matches("-[a-zA-Z]*[fF][a-zA-Z]*")) {
        blocked = true;
        return 0;
      }
    }
    var files = new ArrayList<String>();
    for (String argument : arguments) {
      if (!argument.startsWith("-")) {
        files.add(argument);
      }
    }
    return cat(files, err);
  }

  private int cat(List<String> files, Sink err) {
    int catStatus = 0;
    for (String file : files) {
      if (!file.equals("/dev/null") && !file.equals("-")) {
        write(err, "cat: can't open '" + file + "': No such file or directory");
        catStatus = 1;
      }
    }
    return catStatus;
  }

  private int printenv(List<String> names, Sink out) {
    if (names.isEmpty()) {
      for (var entry : new TreeMap<>(variables).entrySet()) {
        write(out, entry.getKey() + "=" + entry.getValue());
      }
      return 0;
    }
    int printenvStatus = 0;
    for (String name : names) {
      if (variables.containsKey(name)) {
        write(out, variables.get(name));
      } else {
        printenvStatus = 1;
      }
    }
    return printenvStatus;
  }

  private int shell(List<String> arguments, Sink out, Sink err) {
    if (arguments.isEmpty()) {
      return 0;
    }
    if (!arguments.get(0).matches("-[a-z]*c[a-z]*") || arguments.size() < 2) {
      write(err, "sh: can't open '" + arguments.get(0) + "': No such file or directory");
      return 2;
    }
    var nested = new MiniShell(variables, finiteSleepsBlock, output, out, err);
    int nestedStatus = nested.script(arguments.get(1));
    blocked |= nested.blocked;
    return nestedStatus;
  }

  private int exit(List<String> arguments, Sink err) {
    exited = true;
    if (arguments.isEmpty()) {
      return status;
    }
    try {
      return Integer.parseInt(arguments.get(0)) & 0xff;
    } catch (NumberFormatException notANumber) {
      write(err, "sh: exit: Illegal number: " + arguments.get(0));
      return 2;
    }
  }

  private void write(Sink sink, String text) {
    if (sink == Sink.DISCARD) {
      return;
    }
    LogLine.Stream stream = sink == Sink.STDOUT ? LogLine.Stream.STDOUT : LogLine.Stream.STDERR;
    for (String line : text.split("\n", -1)) {
      output.add(new Output(stream, line));
    }
  }
}
