package io.jcompose.engine.build.dockerfile;

import java.util.ArrayList;
import java.util.List;

/** Expands the words of the instructions that substitute variables; see {@link Scope#expand}. */
final class InstructionExpander {

  private InstructionExpander() {}

  static Instruction expand(Instruction instruction, Scope scope) {
    int line = instruction.line();
    if (instruction instanceof Instruction.From from) {
      return new Instruction.From(
          line,
          from.platform() == null ? null : scope.expand(line, from.platform()),
          scope.expand(line, from.image()),
          from.stageName());
    }
    if (instruction instanceof Instruction.Copy copy) {
      Instruction.CopyOptions options = copy.options();
      return new Instruction.Copy(
          line,
          copy.add(),
          new Instruction.CopyOptions(
              orNull(scope, line, options.from()),
              orNull(scope, line, options.chown()),
              orNull(scope, line, options.chmod()),
              options.link(),
              options.other()),
          all(scope, line, copy.sources()),
          scope.expand(line, copy.destination()),
          copy.heredocs());
    }
    if (instruction instanceof Instruction.Env env) {
      return new Instruction.Env(line, pairs(scope, line, env.variables()));
    }
    if (instruction instanceof Instruction.Label label) {
      return new Instruction.Label(line, pairs(scope, line, label.labels()));
    }
    if (instruction instanceof Instruction.Arg arg) {
      List<Instruction.Arg.Declaration> declarations = new ArrayList<>();
      for (Instruction.Arg.Declaration declaration : arg.declarations()) {
        declarations.add(
            new Instruction.Arg.Declaration(
                declaration.name(), orNull(scope, line, declaration.defaultValue())));
      }
      return new Instruction.Arg(line, declarations);
    }
    if (instruction instanceof Instruction.Expose expose) {
      return new Instruction.Expose(line, all(scope, line, expose.ports()));
    }
    if (instruction instanceof Instruction.Volume volume) {
      return new Instruction.Volume(line, all(scope, line, volume.paths()));
    }
    if (instruction instanceof Instruction.Workdir workdir) {
      return new Instruction.Workdir(line, scope.expand(line, workdir.path()));
    }
    if (instruction instanceof Instruction.User user) {
      return new Instruction.User(line, scope.expand(line, user.user()));
    }
    if (instruction instanceof Instruction.StopSignal signal) {
      return new Instruction.StopSignal(line, scope.expand(line, signal.signal()));
    }
    return instruction;
  }

  private static List<KeyValue> pairs(Scope scope, int line, List<KeyValue> pairs) {
    List<KeyValue> expanded = new ArrayList<>();
    for (KeyValue pair : pairs) {
      expanded.add(new KeyValue(scope.expand(line, pair.key()), scope.expand(line, pair.value())));
    }
    return expanded;
  }

  private static List<String> all(Scope scope, int line, List<String> words) {
    return words.stream().map(word -> scope.expand(line, word)).toList();
  }

  private static String orNull(Scope scope, int line, String word) {
    return word == null ? null : scope.expand(line, word);
  }
}
