package io.jcompose.planner.spi;

import java.util.Objects;

/**
 * One progress report of a pull or build.
 *
 * @param id the layer or step it is about (empty for the whole image)
 * @param status what happens ({@code Downloading}, {@code Pull complete}, {@code Step 2/5} ...)
 * @param current bytes done, or -1
 * @param total bytes in all, or -1
 */
public record ImageProgress(String id, String status, long current, long total) {

  public ImageProgress {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(status, "status");
  }
}
