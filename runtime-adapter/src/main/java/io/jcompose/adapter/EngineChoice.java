package io.jcompose.adapter;

/** {@code --engine} / {@code JCOMPOSE_ENGINE}: which kind of endpoint jcompose may use. */
public enum EngineChoice {
  /** The first endpoint found in DESIGN.md §4's order, else the bundled engine. */
  AUTO,
  /** A Docker-API daemon only; never the bundled engine. */
  DOCKER,
  /** The bundled engine only. */
  BUNDLED
}
