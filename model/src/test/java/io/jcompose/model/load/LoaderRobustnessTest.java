package io.jcompose.model.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Bad input gets diagnostics, never an exception: every upstream fixture, broken in many small
 * ways (a deleted line, a stray bracket, a dangling {@code ${}, a value of another kind ...), goes
 * through the whole loader from standard input.
 */
class LoaderRobustnessTest {

  private static final String[] DAMAGE = {
    ":",
    "- ",
    "[",
    "]",
    "{",
    "}",
    "${",
    "$",
    "\t",
    "&a ",
    "*a",
    "!reset ",
    "!override ",
    "<<: ",
    "\"",
    "'",
    "#",
    "~",
    "0x",
    "-1",
    "1e999",
    "\\",
    "..",
    "/",
    "null",
    "[]",
    "{}",
    "?",
    "|",
    ">"
  };

  @Test
  void damagedFixtures_neverThrow() throws IOException {
    Path fixtures = SharedFixtures.fixtures();
    List<Path> files;
    try (Stream<Path> walk = Files.walk(fixtures)) {
      files =
          walk.filter(Files::isRegularFile)
              .filter(p -> p.toString().endsWith(".yaml") || p.toString().endsWith(".yml"))
              .sorted()
              .toList();
    }
    var random = new Random(Long.getLong("jcompose.seed", 20261127L));
    int loads = 0;
    int rejected = 0;
    for (Path file : files) {
      List<String> lines = Files.readAllLines(file);
      if (lines.isEmpty()) {
        continue;
      }
      for (int round = 0; round < Integer.getInteger("jcompose.rounds", 12); round++) {
        String text = damage(lines, random);
        LoadResult result;
        try {
          result =
              ProjectLoader.load(
                  LoadOptions.of(List.of("-"), file.getParent(), Map.of("HOME", "/root"))
                      .withStdin(() -> text));
          result.project();
        } catch (RuntimeException | StackOverflowError e) {
          fail(
              "loading a damaged " + fixtures.relativize(file) + " threw; the text was:\n" + text,
              e);
          return;
        }
        loads++;
        if (!result.isValid()) {
          rejected++;
          assertThat(result.errors()).isNotEmpty();
          for (var error : result.errors()) {
            assertThat(error.position().file())
                .as("the file of \"%s\" in a damaged %s", error.message(), file.getFileName())
                .isNotEmpty();
          }
        }
      }
    }
    System.out.printf(
        "damaged fixtures: %d loads, %d rejected with diagnostics%n", loads, rejected);
    assertThat(rejected).isPositive();
  }

  private static String damage(List<String> lines, Random random) {
    var copy = new ArrayList<>(lines);
    int edits = 1 + random.nextInt(3);
    for (int edit = 0; edit < edits; edit++) {
      int index = random.nextInt(copy.size());
      String line = copy.get(index);
      switch (random.nextInt(4)) {
        case 0 -> copy.remove(index);
        case 1 -> copy.set(index, insert(line, DAMAGE[random.nextInt(DAMAGE.length)], random));
        case 2 -> copy.add(index, line);
        default -> {
          int colon = line.indexOf(": ");
          copy.set(
              index,
              colon < 0
                  ? " " + line
                  : line.substring(0, colon + 2) + DAMAGE[random.nextInt(DAMAGE.length)]);
        }
      }
      if (copy.isEmpty()) {
        copy.add("services: {}");
      }
    }
    return String.join("\n", copy) + "\n";
  }

  private static String insert(String line, String damage, Random random) {
    int at = line.isEmpty() ? 0 : random.nextInt(line.length() + 1);
    return line.substring(0, at) + damage + line.substring(at);
  }
}
