package io.jcompose.adapter;

import java.util.Objects;
import java.util.Optional;

/**
 * What an attach asks for ({@code POST /containers/{id}/attach}).
 *
 * @param stdin forward standard input
 * @param logs replay what the container already printed before the live output
 * @param detachKeys the key sequence that detaches ({@code ctrl-p,ctrl-q}); empty for the daemon's
 *     default
 * @param tty whether the container has a TTY (raw output rather than frames)
 */
public record AttachRequest(boolean stdin, boolean logs, Optional<String> detachKeys, boolean tty) {

  public AttachRequest {
    Objects.requireNonNull(detachKeys, "detachKeys");
  }
}
