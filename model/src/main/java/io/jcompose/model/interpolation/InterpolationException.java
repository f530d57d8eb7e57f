package io.jcompose.model.interpolation;

/** A string that cannot be interpolated: bad syntax, or a required variable without a value. */
public final class InterpolationException extends Exception {

  public InterpolationException(String message) {
    super(message);
  }
}
