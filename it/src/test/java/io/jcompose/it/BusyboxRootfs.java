package io.jcompose.it;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** A busybox-static rootfs as a tar, the way the tests make their image without a registry. */
final class BusyboxRootfs {

  private static final List<String> APPLETS =
      List.of("sh", "echo", "sleep", "cat", "ls", "wget", "httpd", "nslookup", "true", "false");

  private BusyboxRootfs() {}

  /** Writes the rootfs under {@code directory} and returns the path of its tar. */
  static Path write(Path directory) throws IOException, InterruptedException {
    Path bin = Files.createDirectories(directory.resolve("bin"));
    for (String dir : List.of("etc", "tmp", "proc", "sys", "dev")) {
      Files.createDirectories(directory.resolve(dir));
    }
    Files.copy(Path.of("/bin/busybox"), bin.resolve("busybox"));
    for (String applet : APPLETS) {
      Files.createSymbolicLink(bin.resolve(applet), Path.of("busybox"));
    }
    Files.writeString(directory.resolve("etc/passwd"), "root:x:0:0:root:/root:/bin/sh\n");
    Files.writeString(directory.resolve("etc/group"), "root:x:0:\n");
    Path tar = directory.resolveSibling(directory.getFileName() + ".tar");
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
