package io.jcompose.engine.build.context;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The cache key follows what the copy puts in the image, and nothing else. */
class ContentKeyTest {

  @TempDir Path temporary;
  private CopyFixture fixture;

  @BeforeEach
  void createContext() {
    fixture = new CopyFixture(temporary);
    fixture.file("a.txt", "a");
    fixture.file("app/main.py", "print()");
    fixture.file("app/lib/util.py", "pass");
    fixture.file("unrelated.txt", "u");
  }

  private String key(String line) {
    return fixture.prepare(line, "/").contentKey();
  }

  @Test
  void key_changesWithContentAndMode_notWithUnrelatedFiles() throws IOException {
    String file = key("COPY a.txt /a");
    String directory = key("COPY app /app");
    assertThat(file).matches("sha256:[0-9a-f]{64}").isEqualTo(key("COPY a.txt /a"));

    fixture.file("unrelated.txt", "changed");
    Files.setLastModifiedTime(fixture.context.resolve("a.txt"), FileTime.from(Instant.now()));
    assertThat(key("COPY a.txt /a")).isEqualTo(file);
    assertThat(key("COPY app /app")).isEqualTo(directory);

    fixture.file("a.txt", "b");
    assertThat(key("COPY a.txt /a")).isNotEqualTo(file);
    fixture.file("a.txt", "a");
    assertThat(key("COPY a.txt /a")).isEqualTo(file);
    Files.setAttribute(fixture.context.resolve("a.txt"), "unix:mode", 0755);
    assertThat(key("COPY a.txt /a")).isNotEqualTo(file);

    fixture.file("app/lib/util.py", "import os");
    assertThat(key("COPY app /app")).isNotEqualTo(directory);
  }

  @Test
  void key_changesWithLinkTargetsNewFilesDestinationAndFlags() throws IOException {
    String directory = key("COPY app /app");
    Files.createSymbolicLink(fixture.context.resolve("app/link"), Path.of("main.py"));
    String withLink = key("COPY app /app");
    assertThat(withLink).isNotEqualTo(directory);
    Files.delete(fixture.context.resolve("app/link"));
    Files.createSymbolicLink(fixture.context.resolve("app/link"), Path.of("lib"));
    assertThat(key("COPY app /app")).isNotEqualTo(withLink);

    String file = key("COPY a.txt /a");
    assertThat(key("COPY a.txt /b")).isNotEqualTo(file);
    assertThat(key("COPY --chown=1:1 a.txt /a")).isNotEqualTo(file);
    assertThat(key("COPY --chmod=600 a.txt /a")).isNotEqualTo(file);
    assertThat(key("ADD a.txt /a")).isNotEqualTo(file);
  }

  @Test
  void description_isDockerdsHistoryText() {
    assertThat(fixture.prepare("COPY a.txt .", "/work").description())
        .matches("file:[0-9a-f]{64} in /work");
    assertThat(fixture.prepare("COPY app /app/", "/").description())
        .matches("dir:[0-9a-f]{64} in /app/");
    assertThat(fixture.prepare("COPY a.txt unrelated.txt dest/", "/w").description())
        .matches("multi:[0-9a-f]{64} in /w/dest/");
    assertThat(fixture.prepare("COPY --chown=1:2 a.txt /a", "/").description())
        .matches("--chown=1:2file:[0-9a-f]{64} in /a");
  }
}
