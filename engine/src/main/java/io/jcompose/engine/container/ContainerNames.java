package io.jcompose.engine.container;

import io.jcompose.engine.fault.EngineFault;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/** Container ids and names: dockerd's formats, and a name for a container created without one. */
final class ContainerNames {

  private static final Pattern NAME = Pattern.compile("/?[a-zA-Z0-9][a-zA-Z0-9_.-]+");
  private static final SecureRandom RANDOM = new SecureRandom();

  private static final List<String> ADJECTIVES =
      List.of(
          "admiring",
          "brave",
          "clever",
          "dazzling",
          "eager",
          "festive",
          "gallant",
          "happy",
          "jolly",
          "keen",
          "lucid",
          "modest",
          "nifty",
          "optimistic",
          "peaceful",
          "quirky",
          "relaxed",
          "serene",
          "tender",
          "upbeat",
          "vibrant",
          "witty",
          "zealous",
          "bold",
          "calm",
          "dreamy",
          "focused",
          "gifted",
          "hopeful",
          "inspiring");
  private static final List<String> SURNAMES =
      List.of(
          "babbage",
          "curie",
          "dijkstra",
          "euler",
          "fermat",
          "gauss",
          "hopper",
          "hypatia",
          "johnson",
          "kepler",
          "lamport",
          "lovelace",
          "meitner",
          "noether",
          "pascal",
          "ritchie",
          "shannon",
          "thompson",
          "turing",
          "wirth",
          "yonath",
          "zuse",
          "bohr",
          "darwin",
          "feynman",
          "goldberg",
          "hamilton",
          "knuth",
          "liskov",
          "mirzakhani");

  private ContainerNames() {}

  /** 64 random lower-case hex digits. */
  static String newId() {
    var bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    return HexFormat.of().formatHex(bytes);
  }

  /**
   * The name without its leading slash.
   *
   * @throws EngineFault.InvalidArgument dockerd's message for a name outside its pattern
   */
  static String checked(String name) {
    if (!NAME.matcher(name).matches()) {
      throw new EngineFault.InvalidArgument(
          "Invalid container name (" + name + "), only [a-zA-Z0-9][a-zA-Z0-9_.-] are allowed");
    }
    return name.startsWith("/") ? name.substring(1) : name;
  }

  /** An {@code adjective_surname} name {@code taken} refuses, with a number added if need be. */
  static String generate(Predicate<String> taken) {
    for (int attempt = 0; attempt < 20; attempt++) {
      String name =
          ADJECTIVES.get(RANDOM.nextInt(ADJECTIVES.size()))
              + "_"
              + SURNAMES.get(RANDOM.nextInt(SURNAMES.size()));
      if (attempt >= 10) {
        name = name + RANDOM.nextInt(10);
      }
      if (!taken.test(name)) {
        return name;
      }
    }
    return "jce_" + newId().substring(0, 12);
  }
}
