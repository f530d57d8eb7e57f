package io.jcompose.planner.runtime;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A {@code sh -c} script parsed into statements for {@link MiniShell}: words with their quotes
 * resolved and their {@code $NAME}, {@code ${NAME}}, {@code ${NAME:-fallback}} and {@code $?}
 * references kept for run time, redirections, and the {@code ;}/newline, {@code &&} and {@code ||}
 * that join the statements. A trailing {@code &} runs the command in the foreground.
 */
record ShellScript(List<Statement> statements) {

  private static final Set<String> UNSUPPORTED_KEYWORDS =
      Set.of(
          "if",
          "then",
          "else",
          "elif",
          "fi",
          "for",
          "while",
          "until",
          "do",
          "done",
          "case",
          "esac",
          "function",
          "{",
          "}",
          "!",
          "[[",
          "]]");

  ShellScript {
    statements = List.copyOf(statements);
  }

  /** When a statement runs, given the status of the one before. */
  enum Connector {
    ALWAYS,
    IF_SUCCEEDED,
    IF_FAILED
  }

  record Statement(Connector connector, List<Word> words, List<Redirect> redirects) {
    Statement {
      Objects.requireNonNull(connector, "connector");
      words = List.copyOf(words);
      redirects = List.copyOf(redirects);
    }
  }

  /**
   * @param quoted whether any part was quoted (an unquoted word that expands to nothing vanishes)
   */
  record Word(List<Part> parts, boolean quoted) {
    Word {
      parts = List.copyOf(parts);
    }
  }

  sealed interface Part {}

  record Literal(String text) implements Part {}

  record Variable(String name, Optional<String> fallback) implements Part {}

  /**
   * @param fileDescriptor 1 or 2 (0 for input, which is ignored)
   * @param target {@code &1}, {@code &2} or a file name
   */
  record Redirect(int fileDescriptor, String target) {}

  /** Syntax the interpreter does not know: pipes, subshells, compound commands. */
  static final class UnsupportedSyntax extends Exception {
    UnsupportedSyntax(String message) {
      super(message);
    }
  }

  static ShellScript parse(String text) throws UnsupportedSyntax {
    return new Parser(text).parse();
  }

  private static final class Parser {
    private final String text;
    private final List<Statement> statements = new ArrayList<>();
    private final List<Word> words = new ArrayList<>();
    private final List<Redirect> redirects = new ArrayList<>();
    private final List<Part> parts = new ArrayList<>();
    private final StringBuilder literal = new StringBuilder();
    private Connector connector = Connector.ALWAYS;
    private boolean wordStarted;
    private boolean wordQuoted;
    private int position;

    Parser(String text) {
      this.text = text;
    }

    ShellScript parse() throws UnsupportedSyntax {
      while (position < text.length()) {
        char c = text.charAt(position++);
        switch (c) {
          case ' ', '\t' -> finishWord();
          case '\n' -> {
            finishWord();
            if (!words.isEmpty() || !redirects.isEmpty()) {
              endStatement(Connector.ALWAYS);
            }
          }
          case ';' -> endStatement(Connector.ALWAYS);
          case '&' -> endStatement(take('&') ? Connector.IF_SUCCEEDED : Connector.ALWAYS);
          case '|' -> {
            if (!take('|')) {
              throw new UnsupportedSyntax("pipes are not supported by the in-memory runtime");
            }
            endStatement(Connector.IF_FAILED);
          }
          case '#' -> {
            if (wordStarted) {
              literal.append(c);
            } else {
              while (position < text.length() && text.charAt(position) != '\n') {
                position++;
              }
            }
          }
          case '\'' -> singleQuoted();
          case '"' -> doubleQuoted();
          case '\\' -> escaped();
          case '$' -> variable();
          case '>', '<' -> redirect(c);
          case '(', ')', '`' ->
              throw new UnsupportedSyntax(
                  "\"" + c + "\" is not supported by the in-memory runtime");
          default -> {
            wordStarted = true;
            literal.append(c);
          }
        }
      }
      endStatement(Connector.ALWAYS);
      if (connector != Connector.ALWAYS) {
        throw new UnsupportedSyntax("syntax error: end of script after && or ||");
      }
      return new ShellScript(statements);
    }

    private boolean take(char expected) {
      if (position < text.length() && text.charAt(position) == expected) {
        position++;
        return true;
      }
      return false;
    }

    private void singleQuoted() throws UnsupportedSyntax {
      int close = text.indexOf('\'', position);
      if (close < 0) {
        throw new UnsupportedSyntax("syntax error: unterminated quoted string");
      }
      literal.append(text, position, close);
      position = close + 1;
      wordStarted = true;
      wordQuoted = true;
    }

    private void doubleQuoted() throws UnsupportedSyntax {
      wordStarted = true;
      wordQuoted = true;
      while (position < text.length()) {
        char c = text.charAt(position++);
        if (c == '"') {
          return;
        } else if (c == '\\'
            && position < text.length()
            && "$`\"\\\n".indexOf(text.charAt(position)) >= 0) {
          literal.append(text.charAt(position++));
        } else if (c == '$') {
          variable();
        } else if (c == '`') {
          throw new UnsupportedSyntax("\"`\" is not supported by the in-memory runtime");
        } else {
          literal.append(c);
        }
      }
      throw new UnsupportedSyntax("syntax error: unterminated quoted string");
    }

    private void escaped() {
      if (position >= text.length()) {
        return;
      }
      char next = text.charAt(position++);
      if (next != '\n') {
        literal.append(next);
        wordStarted = true;
      }
    }

    private void variable() throws UnsupportedSyntax {
      wordStarted = true;
      if (position >= text.length()) {
        literal.append('$');
        return;
      }
      char next = text.charAt(position);
      if (next == '(') {
        throw new UnsupportedSyntax("\"$(\" is not supported by the in-memory runtime");
      }
      String name;
      Optional<String> fallback = Optional.empty();
      if (next == '{') {
        int close = text.indexOf('}', position);
        if (close < 0) {
          throw new UnsupportedSyntax("syntax error: missing }");
        }
        String inside = text.substring(position + 1, close);
        position = close + 1;
        int dash = inside.indexOf(":-");
        name = dash < 0 ? inside : inside.substring(0, dash);
        if (dash >= 0) {
          fallback = Optional.of(inside.substring(dash + 2));
        }
      } else if ("?$#!0123456789".indexOf(next) >= 0) {
        name = String.valueOf(next);
        position++;
      } else if (Character.isLetter(next) || next == '_') {
        int end = position;
        while (end < text.length()
            && (Character.isLetterOrDigit(text.charAt(end)) || text.charAt(end) == '_')) {
          end++;
        }
        name = text.substring(position, end);
        position = end;
      } else {
        literal.append('$');
        return;
      }
      flushLiteral();
      parts.add(new Variable(name, fallback));
    }

    private void redirect(char direction) {
      int fileDescriptor = direction == '<' ? 0 : 1;
      String pending = literal.toString();
      if (wordStarted
          && !wordQuoted
          && parts.isEmpty()
          && (pending.equals("1") || pending.equals("2"))) {
        fileDescriptor = Integer.parseInt(pending);
        literal.setLength(0);
        wordStarted = false;
      } else {
        finishWord();
      }
      take('>');
      String target;
      if (take('&')) {
        int start = position;
        while (position < text.length() && Character.isDigit(text.charAt(position))) {
          position++;
        }
        target = "&" + text.substring(start, position);
      } else {
        while (position < text.length() && text.charAt(position) == ' ') {
          position++;
        }
        int start = position;
        while (position < text.length() && " \t\n;&|".indexOf(text.charAt(position)) < 0) {
          position++;
        }
        target = text.substring(start, position);
      }
      redirects.add(new Redirect(fileDescriptor, target));
    }

    private void flushLiteral() {
      if (literal.length() > 0) {
        parts.add(new Literal(literal.toString()));
        literal.setLength(0);
      }
    }

    private void finishWord() {
      if (wordStarted) {
        flushLiteral();
        words.add(new Word(parts, wordQuoted));
      }
      parts.clear();
      literal.setLength(0);
      wordStarted = false;
      wordQuoted = false;
    }

    private void endStatement(Connector next) throws UnsupportedSyntax {
      finishWord();
      if (words.isEmpty() && redirects.isEmpty()) {
        if (next != Connector.ALWAYS || connector != Connector.ALWAYS) {
          throw new UnsupportedSyntax("syntax error: && or || without a command");
        }
        return;
      }
      if (!words.isEmpty()
          && words.get(0).parts().size() == 1
          && words.get(0).parts().get(0) instanceof Literal keyword
          && !words.get(0).quoted()
          && UNSUPPORTED_KEYWORDS.contains(keyword.text())) {
        throw new UnsupportedSyntax(
            "\"" + keyword.text() + "\" is not supported by the in-memory runtime");
      }
      statements.add(new Statement(connector, words, redirects));
      words.clear();
      redirects.clear();
      connector = next;
    }
  }
}
