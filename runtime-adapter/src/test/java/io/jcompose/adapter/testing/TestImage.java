package io.jcompose.adapter.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;

/**
 * The test image, made from the host's static busybox without any registry: a docker-archive tar
 * ({@code manifest.json}, the image config named by its sha256, one layer) that {@code POST
 * /images/load} takes. The layer holds {@code /bin/busybox}, a symlink per applet the tests use,
 * {@code /etc/passwd}, {@code /etc/group}, {@code /tmp} and {@code /www/index.html}.
 */
public final class TestImage {

  /** The applets the suites run. */
  public static final List<String> APPLETS =
      List.of(
          "sh",
          "echo",
          "sleep",
          "true",
          "false",
          "cat",
          "ls",
          "wget",
          "httpd",
          "nslookup",
          "env",
          "id",
          "hostname",
          "date",
          "grep",
          "touch",
          "mkdir",
          "ps",
          "kill",
          "nc");

  private static final Path BUSYBOX = Path.of("/bin/busybox");

  private TestImage() {}

  /**
   * The archive, tagged {@code reference}.
   *
   * @throws IllegalStateException when the host has no static busybox
   */
  public static byte[] dockerArchive(String reference) throws IOException {
    if (!Files.isRegularFile(BUSYBOX)) {
      throw new IllegalStateException(
          "/bin/busybox is missing: install busybox-static (scripts/test.sh does)");
    }
    byte[] layer = layer();
    String layerDigest = sha256(layer);
    String config =
        """
        {"architecture":"%s","os":"linux","created":"2024-01-01T00:00:00Z",\
        "config":{"Env":["PATH=/bin"],"Cmd":["sh"],"WorkingDir":"/"},\
        "rootfs":{"type":"layers","diff_ids":["sha256:%s"]}}"""
            .formatted(architecture(), layerDigest);
    byte[] configBytes = config.getBytes(StandardCharsets.UTF_8);
    String configName = sha256(configBytes) + ".json";
    String manifest =
        """
        [{"Config":"%s","RepoTags":["%s"],"Layers":["%s/layer.tar"]}]"""
            .formatted(configName, reference, layerDigest);

    var archive = new ByteArrayOutputStream();
    try (var tar = new TarArchiveOutputStream(archive)) {
      directory(tar, layerDigest + "/", 0755);
      file(tar, layerDigest + "/layer.tar", layer, 0644);
      file(tar, configName, configBytes, 0644);
      file(tar, "manifest.json", manifest.getBytes(StandardCharsets.UTF_8), 0644);
    }
    return archive.toByteArray();
  }

  private static byte[] layer() throws IOException {
    var layer = new ByteArrayOutputStream();
    try (var tar = new TarArchiveOutputStream(layer)) {
      directory(tar, "bin/", 0755);
      file(tar, "bin/busybox", Files.readAllBytes(BUSYBOX), 0755);
      for (String applet : APPLETS) {
        var link = new TarArchiveEntry("bin/" + applet, TarArchiveEntry.LF_SYMLINK);
        link.setLinkName("busybox");
        tar.putArchiveEntry(link);
        tar.closeArchiveEntry();
      }
      directory(tar, "etc/", 0755);
      file(
          tar,
          "etc/passwd",
          "root:x:0:0:root:/root:/bin/sh\nnobody:x:65534:65534:nobody:/nonexistent:/bin/false\n"
              .getBytes(StandardCharsets.UTF_8),
          0644);
      file(
          tar, "etc/group", "root:x:0:\nnogroup:x:65534:\n".getBytes(StandardCharsets.UTF_8), 0644);
      directory(tar, "root/", 0700);
      directory(tar, "tmp/", 01777);
      directory(tar, "www/", 0755);
      file(tar, "www/index.html", "hello from jcompose\n".getBytes(StandardCharsets.UTF_8), 0644);
    }
    return layer.toByteArray();
  }

  private static void directory(TarArchiveOutputStream tar, String name, int mode)
      throws IOException {
    var entry = new TarArchiveEntry(name);
    entry.setMode(040000 | mode);
    tar.putArchiveEntry(entry);
    tar.closeArchiveEntry();
  }

  private static void file(TarArchiveOutputStream tar, String name, byte[] content, int mode)
      throws IOException {
    var entry = new TarArchiveEntry(name);
    entry.setMode(0100000 | mode);
    entry.setSize(content.length);
    tar.putArchiveEntry(entry);
    tar.write(content);
    tar.closeArchiveEntry();
  }

  private static String architecture() {
    String arch = System.getProperty("os.arch").toLowerCase(Locale.ROOT);
    return switch (arch) {
      case "amd64", "x86_64" -> "amd64";
      case "aarch64", "arm64" -> "arm64";
      default -> arch;
    };
  }

  private static String sha256(byte[] content) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
    } catch (NoSuchAlgorithmException impossible) {
      throw new IllegalStateException(impossible);
    }
  }
}
