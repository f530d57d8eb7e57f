package io.jcompose.model.dotenv;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/** The {@code .env} file format of docker compose (compose-go's dotenv). */
public final class DotEnv {

  private DotEnv() {}

  /**
   * Parses {@code content}. {@code lookup} resolves bare {@code KEY} lines and {@code ${VAR}}
   * references (keys read earlier in the same content are consulted after it). The result keeps
   * file order; keys that stay unset are absent.
   */
  public static Map<String, String> parse(
      String content, String fileName, Function<String, Optional<String>> lookup)
      throws DotEnvException {
    return new DotEnvParser(content, fileName, lookup).parse();
  }

  /** Reads and parses a file (UTF-8, BOM stripped). */
  public static Map<String, String> read(Path file, Function<String, Optional<String>> lookup)
      throws DotEnvException, IOException {
    return parse(Files.readString(file, StandardCharsets.UTF_8), file.toString(), lookup);
  }

  /** The {@code format: raw} reading: {@code KEY=VALUE} lines, values verbatim. */
  public static Map<String, String> readRaw(Path file) throws DotEnvException, IOException {
    return RawEnvParser.parse(Files.readString(file, StandardCharsets.UTF_8), file.toString());
  }
}
