package io.jcompose.cli.render.progress;

/**
 * One JSON object written field by field, on one line: strings escaped as RFC 8259 asks (quote,
 * backslash and control characters; everything else as is, the writer encodes it as UTF-8).
 */
final class JsonLine {

  private final StringBuilder text = new StringBuilder("{");

  JsonLine field(String name, String value) {
    key(name);
    quote(value);
    return this;
  }

  JsonLine field(String name, long value) {
    key(name);
    text.append(value);
    return this;
  }

  private void key(String name) {
    if (text.length() > 1) {
      text.append(',');
    }
    quote(name);
    text.append(':');
  }

  private void quote(String value) {
    io.jcompose.cli.render.JsonLine.quote(text, value);
  }

  @Override
  public String toString() {
    return text + "}";
  }
}
