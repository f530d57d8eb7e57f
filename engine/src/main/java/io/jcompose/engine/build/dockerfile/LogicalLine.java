package io.jcompose.engine.build.dockerfile;

/** An instruction's text with its continuations joined, and the line it starts on. */
record LogicalLine(int line, String text) {}
