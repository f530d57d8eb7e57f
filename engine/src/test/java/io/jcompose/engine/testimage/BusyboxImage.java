package io.jcompose.engine.testimage;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.jcompose.engine.digest.Digest;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;

/**
 * A busybox image made from the host's {@code /bin/busybox} (busybox-static), written as a {@code
 * docker save} archive in either layout, so engine tests need no registry. The rootfs layer holds
 * the binary, {@code --install -s}-style applet links, {@code /etc/passwd}, {@code /etc/group} and
 * a 1777 {@code /tmp}; more layers, tags, labels and the command can be set.
 */
public final class BusyboxImage {

  public static final Path BUSYBOX = Path.of("/bin/busybox");
  public static final List<String> APPLETS =
      List.of(
          "sh",
          "echo",
          "sleep",
          "cat",
          "ls",
          "wget",
          "httpd",
          "nslookup",
          "env",
          "true",
          "false",
          "id",
          "hostname",
          "ip");

  private static final ObjectMapper JSON = new ObjectMapper();
  private static byte[] rootfsLayer;

  private final List<String> tags = new ArrayList<>(List.of("busybox:latest"));
  private final List<byte[]> extraLayers = new ArrayList<>();
  private final Map<String, String> labels = new LinkedHashMap<>();
  private List<String> cmd = List.of("sh");
  private Instant created = Instant.parse("2024-01-02T03:04:05Z");
  private String architecture = hostArchitecture();

  private BusyboxImage() {}

  public static BusyboxImage create() {
    return new BusyboxImage();
  }

  /** The tags the archive names (default {@code busybox:latest}); none gives an untagged image. */
  public BusyboxImage tags(String... tags) {
    this.tags.clear();
    this.tags.addAll(List.of(tags));
    return this;
  }

  public BusyboxImage cmd(String... cmd) {
    this.cmd = List.of(cmd);
    return this;
  }

  public BusyboxImage label(String key, String value) {
    labels.put(key, value);
    return this;
  }

  /** Changes the config, and so the image id. */
  public BusyboxImage created(Instant created) {
    this.created = created;
    return this;
  }

  public BusyboxImage architecture(String architecture) {
    this.architecture = architecture;
    return this;
  }

  /** An uncompressed layer tar on top of the busybox layer. */
  public BusyboxImage layer(byte[] tar) {
    extraLayers.add(tar);
    return this;
  }

  /** All layers, uncompressed, bottom first. */
  public List<byte[]> layers() {
    var layers = new ArrayList<byte[]>();
    layers.add(rootfsLayer());
    layers.addAll(extraLayers);
    return layers;
  }

  public byte[] configJson() {
    var config = new LinkedHashMap<String, Object>();
    config.put("Env", List.of("PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"));
    config.put("Cmd", cmd);
    config.put("WorkingDir", "/");
    if (!labels.isEmpty()) {
      config.put("Labels", labels);
    }
    var image = new LinkedHashMap<String, Object>();
    image.put("architecture", architecture);
    image.put("os", "linux");
    image.put("created", created.toString());
    image.put("config", config);
    image.put(
        "rootfs",
        Map.of(
            "type",
            "layers",
            "diff_ids",
            layers().stream().map(layer -> Digest.of(layer).toString()).toList()));
    image.put(
        "history",
        layers().stream()
            .map(layer -> Map.of("created", created.toString(), "created_by", "jcompose fixture"))
            .toList());
    try {
      return JSON.writeValueAsBytes(image);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** {@code sha256:} + the digest of the config: the id the engine must give the image. */
  public Digest imageId() {
    return Digest.of(configJson());
  }

  /** The legacy {@code docker save} layout: manifest.json, {@code <id>.json}, v1 layer dirs. */
  public byte[] dockerArchive() {
    var archive = new ArchiveTar();
    Digest id = imageId();
    var layerPaths = new ArrayList<String>();
    var repositories = new LinkedHashMap<String, Map<String, String>>();
    String top = null;
    for (byte[] layer : layers()) {
      String v1Id = Digest.of((Digest.of(layer) + " v1").getBytes(StandardCharsets.UTF_8)).hex();
      archive.directory(v1Id);
      archive.file(v1Id + "/VERSION", "1.0".getBytes(StandardCharsets.UTF_8));
      archive.file(v1Id + "/json", ("{\"id\":\"" + v1Id + "\"}").getBytes(StandardCharsets.UTF_8));
      archive.file(v1Id + "/layer.tar", layer);
      layerPaths.add(v1Id + "/layer.tar");
      top = v1Id;
    }
    archive.file(id.hex() + ".json", configJson());
    for (String tag : tags) {
      int colon = tag.lastIndexOf(':');
      repositories
          .computeIfAbsent(tag.substring(0, colon), name -> new LinkedHashMap<>())
          .put(tag.substring(colon + 1), top);
    }
    var entry = new LinkedHashMap<String, Object>();
    entry.put("Config", id.hex() + ".json");
    entry.put("RepoTags", tags.isEmpty() ? null : tags);
    entry.put("Layers", layerPaths);
    archive.file("manifest.json", json(List.of(entry)));
    archive.file("repositories", json(repositories));
    return archive.bytes();
  }

  /** The OCI layout as skopeo writes it: index.json, gzip layers in blobs/sha256. */
  public byte[] ociArchive() {
    return ociArchive(false);
  }

  /**
   * The OCI layout; {@code dockerCompatible} writes it as Docker 25's {@code docker save} does:
   * uncompressed layers and a manifest.json pointing into blobs/.
   */
  public byte[] ociArchive(boolean dockerCompatible) {
    var archive = new ArchiveTar();
    archive.file(
        "oci-layout", "{\"imageLayoutVersion\":\"1.0.0\"}".getBytes(StandardCharsets.UTF_8));
    Map<String, Object> manifest = writeManifestBlobs(archive, !dockerCompatible);
    byte[] manifestJson = json(manifest);
    archive.blob(manifestJson);
    var descriptors = new ArrayList<Object>();
    for (String tag : tags.isEmpty() ? List.of("") : tags) {
      var descriptor = descriptor("application/vnd.oci.image.manifest.v1+json", manifestJson);
      if (!tag.isEmpty()) {
        descriptor.put(
            "annotations",
            Map.of(
                "io.containerd.image.name", normalised(tag),
                "org.opencontainers.image.ref.name", tag.substring(tag.lastIndexOf(':') + 1)));
      }
      descriptors.add(descriptor);
    }
    archive.file("index.json", json(Map.of("schemaVersion", 2, "manifests", descriptors)));
    if (dockerCompatible) {
      @SuppressWarnings("unchecked")
      var layers = (List<Map<String, Object>>) manifest.get("layers");
      var entry = new LinkedHashMap<String, Object>();
      entry.put("Config", "blobs/sha256/" + imageId().hex());
      entry.put("RepoTags", tags.isEmpty() ? null : tags);
      entry.put(
          "Layers",
          layers.stream()
              .map(layer -> "blobs/sha256/" + ((String) layer.get("digest")).substring(7))
              .toList());
      archive.file("manifest.json", json(List.of(entry)));
    }
    return archive.bytes();
  }

  /**
   * The containerd image store's layout (Docker 29): index.json names a nested index holding this
   * image for the host, an arm image whose blobs were never pulled, and an attestation manifest.
   */
  public byte[] ociArchiveWithPlatforms() {
    var archive = new ArchiveTar();
    archive.file(
        "oci-layout", "{\"imageLayoutVersion\":\"1.0.0\"}".getBytes(StandardCharsets.UTF_8));
    byte[] manifestJson = json(writeManifestBlobs(archive, true));
    archive.blob(manifestJson);
    var absentPlatform =
        descriptor(
            "application/vnd.oci.image.manifest.v1+json",
            "an arm manifest nobody pulled".getBytes(StandardCharsets.UTF_8));
    absentPlatform.put(
        "platform",
        Map.of("os", "linux", "architecture", architecture.equals("arm64") ? "amd64" : "arm64"));
    var host = descriptor("application/vnd.oci.image.manifest.v1+json", manifestJson);
    host.put("platform", Map.of("os", "linux", "architecture", architecture));
    byte[] attestationJson =
        json(Map.of("schemaVersion", 2, "layers", List.of(), "config", Map.of()));
    archive.blob(attestationJson);
    var attestation = descriptor("application/vnd.oci.image.manifest.v1+json", attestationJson);
    attestation.put("platform", Map.of("os", "unknown", "architecture", "unknown"));
    attestation.put("annotations", Map.of("vnd.docker.reference.type", "attestation-manifest"));
    byte[] nestedIndex =
        json(
            Map.of(
                "schemaVersion",
                2,
                "mediaType",
                "application/vnd.oci.image.index.v1+json",
                "manifests",
                List.of(absentPlatform, host, attestation)));
    archive.blob(nestedIndex);
    var top = descriptor("application/vnd.oci.image.index.v1+json", nestedIndex);
    if (!tags.isEmpty()) {
      top.put("annotations", Map.of("io.containerd.image.name", normalised(tags.get(0))));
    }
    archive.file("index.json", json(Map.of("schemaVersion", 2, "manifests", List.of(top))));
    return archive.bytes();
  }

  /** The rootfs layer: busybox, its applet links, passwd, group, tmp. Built once per JVM. */
  public static synchronized byte[] rootfsLayer() {
    if (rootfsLayer == null) {
      try {
        LayerTar layer =
            LayerTar.create()
                .directory("bin")
                .file("bin/busybox", Files.readAllBytes(BUSYBOX), 0755)
                .directory("dev")
                .directory("etc")
                .file(
                    "etc/passwd",
                    "root:x:0:0:root:/root:/bin/sh\nnobody:x:65534:65534:nobody:/:/bin/false\n")
                .file("etc/group", "root:x:0:\nnobody:x:65534:\n")
                .directory("proc")
                .directory("root", 0700)
                .directory("sys")
                .directory("tmp", 01777)
                .directory("usr")
                .directory("usr/bin");
        for (String applet : APPLETS) {
          layer.symlink("bin/" + applet, "/bin/busybox");
        }
        rootfsLayer = layer.toByteArray();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return rootfsLayer.clone();
  }

  private Map<String, Object> writeManifestBlobs(ArchiveTar archive, boolean gzipLayers) {
    byte[] config = configJson();
    archive.blob(config);
    var layerDescriptors = new ArrayList<Object>();
    for (byte[] layer : layers()) {
      byte[] blob = gzipLayers ? LayerTar.gzip(layer) : layer;
      archive.blob(blob);
      layerDescriptors.add(
          descriptor("application/vnd.oci.image.layer.v1.tar" + (gzipLayers ? "+gzip" : ""), blob));
    }
    var manifest = new LinkedHashMap<String, Object>();
    manifest.put("schemaVersion", 2);
    manifest.put("mediaType", "application/vnd.oci.image.manifest.v1+json");
    manifest.put("config", descriptor("application/vnd.oci.image.config.v1+json", config));
    manifest.put("layers", layerDescriptors);
    return manifest;
  }

  private static Map<String, Object> descriptor(String mediaType, byte[] blob) {
    var descriptor = new LinkedHashMap<String, Object>();
    descriptor.put("mediaType", mediaType);
    descriptor.put("digest", Digest.of(blob).toString());
    descriptor.put("size", blob.length);
    return descriptor;
  }

  private static String normalised(String tag) {
    String name = tag.substring(0, tag.lastIndexOf(':'));
    boolean hasRegistry =
        name.contains("/")
            && (name.substring(0, name.indexOf('/')).contains(".")
                || name.substring(0, name.indexOf('/')).contains(":")
                || name.startsWith("localhost/"));
    if (hasRegistry) {
      return tag;
    }
    return "docker.io/" + (name.contains("/") ? "" : "library/") + tag;
  }

  private static byte[] json(Object value) {
    try {
      return JSON.writeValueAsBytes(value);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String hostArchitecture() {
    String arch = System.getProperty("os.arch");
    return switch (arch) {
      case "amd64", "x86_64" -> "amd64";
      case "aarch64" -> "arm64";
      default -> arch;
    };
  }

  /** An archive tar being written in memory. */
  private static final class ArchiveTar {
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final TarArchiveOutputStream tar = new TarArchiveOutputStream(bytes, "UTF-8");
    private final java.util.Set<String> blobs = new java.util.HashSet<>();

    ArchiveTar() {
      tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
      tar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
    }

    void directory(String name) {
      add(new TarArchiveEntry(name + "/"), new byte[0]);
    }

    void file(String name, byte[] content) {
      add(new TarArchiveEntry(name), content);
    }

    void blob(byte[] content) {
      String name = "blobs/sha256/" + Digest.of(content).hex();
      if (blobs.add(name)) {
        file(name, content);
      }
    }

    byte[] bytes() {
      try {
        tar.close();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      return bytes.toByteArray();
    }

    private void add(TarArchiveEntry entry, byte[] content) {
      try {
        entry.setModTime(FileTime.from(LayerTar.MTIME));
        entry.setSize(content.length);
        tar.putArchiveEntry(entry);
        tar.write(content);
        tar.closeArchiveEntry();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }
}
