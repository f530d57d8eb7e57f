package io.jcompose.engine.api;

/** How many containers are in each state, for {@code /info}. */
public record ContainerCounts(int running, int paused, int stopped) {

  public static final ContainerCounts NONE = new ContainerCounts(0, 0, 0);

  public ContainerCounts {
    if (running < 0 || paused < 0 || stopped < 0) {
      throw new IllegalArgumentException(
          "negative container counts: " + running + "/" + paused + "/" + stopped);
    }
  }

  public int total() {
    return running + paused + stopped;
  }
}
