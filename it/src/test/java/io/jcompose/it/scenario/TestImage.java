package io.jcompose.it.scenario;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The scenarios' image, {@value #REFERENCE}: busybox-static from the distribution as a rootfs,
 * imported once per endpoint, so that no scenario needs a registry.
 */
final class TestImage {

  static final String REFERENCE = "jcompose-test/busybox:1";

  private static final List<String> APPLETS =
      List.of(
          "sh",
          "echo",
          "sleep",
          "cat",
          "wget",
          "httpd",
          "nslookup",
          "touch",
          "test",
          "date",
          "env",
          "hostname",
          "id",
          "ls",
          "mkdir",
          "nc",
          "kill",
          "ps",
          "rm",
          "true",
          "false");

  private static final Map<Target, String> LOADED = new EnumMap<>(Target.class);

  private TestImage() {}

  static synchronized String on(Target target) throws Exception {
    if (LOADED.containsKey(target)) {
      return LOADED.get(target);
    }
    if (target.docker("image", "inspect", REFERENCE).exitCode() != 0) {
      Path rootfs = Files.createTempDirectory("jcs-busybox");
      Path tar = rootfs(rootfs.resolve("rootfs"));
      target
          .docker(
              "import",
              "--change",
              "ENV PATH=/bin",
              "--change",
              "CMD [\"sh\"]",
              tar.toString(),
              REFERENCE)
          .ok();
    }
    LOADED.put(target, REFERENCE);
    return REFERENCE;
  }

  private static Path rootfs(Path directory) throws IOException, InterruptedException {
    Path bin = Files.createDirectories(directory.resolve("bin"));
    for (String dir : List.of("etc", "tmp", "proc", "sys", "dev", "root")) {
      Files.createDirectories(directory.resolve(dir));
    }
    Files.copy(Path.of("/bin/busybox"), bin.resolve("busybox"));
    for (String applet : APPLETS) {
      Files.createSymbolicLink(bin.resolve(applet), Path.of("busybox"));
    }
    Files.writeString(directory.resolve("etc/passwd"), "root:x:0:0:root:/root:/bin/sh\n");
    Files.writeString(directory.resolve("etc/group"), "root:x:0:\n");
    Path tar = directory.resolveSibling("rootfs.tar");
    Process process =
        new ProcessBuilder("tar", "-C", directory.toString(), "-cf", tar.toString(), ".")
            .redirectErrorStream(true)
            .start();
    if (process.waitFor() != 0) {
      throw new IOException("tar failed: " + new String(process.getInputStream().readAllBytes()));
    }
    return tar;
  }
}
