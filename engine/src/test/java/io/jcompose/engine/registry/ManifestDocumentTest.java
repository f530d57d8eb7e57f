package io.jcompose.engine.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jcompose.engine.fault.EngineFault;
import io.jcompose.engine.image.ImageConfig;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ManifestDocumentTest {

  private static final ImageConfig.Platform AMD64 = new ImageConfig.Platform("linux", "amd64", "");

  private static final String INDEX =
      "{\"schemaVersion\":2,\"mediaType\":\""
          + MediaTypes.OCI_INDEX
          + "\",\"manifests\":["
          + entry("a", "linux", "arm", "v7")
          + ","
          + entry("b", "linux", "arm64", "v8")
          + ","
          + entry("c", "linux", "amd64", null)
          + ","
          + entry("d", "windows", "amd64", null)
          + "]}";

  @Test
  void parse_readsADockerSchema2Manifest() {
    String body =
        "{\"schemaVersion\":2,\"mediaType\":\""
            + MediaTypes.DOCKER_MANIFEST
            + "\",\"config\":{\"mediaType\":\"application/vnd.docker.container.image.v1+json\","
            + "\"size\":10,\"digest\":\"sha256:"
            + "1".repeat(64)
            + "\"},\"layers\":[{\"mediaType\":\"application/vnd.docker.image.rootfs.diff.tar.gzip\","
            + "\"size\":20,\"digest\":\"sha256:"
            + "2".repeat(64)
            + "\"}]}";

    var manifest = (ManifestDocument.ImageManifest) parse(body, "");

    assertThat(manifest.config().digest().hex()).isEqualTo("1".repeat(64));
    assertThat(manifest.layers()).hasSize(1);
    assertThat(manifest.layers().get(0).size()).isEqualTo(20);
    assertThat(manifest.layers().get(0).shortId()).isEqualTo("2".repeat(12));
  }

  @Test
  void index_choosesTheRequestedPlatform_orNone() {
    var index = (ManifestDocument.ManifestIndex) parse(INDEX, "");

    assertThat(PlatformChoice.select(index, AMD64).orElseThrow().digest().hex())
        .isEqualTo("c".repeat(64));
    assertThat(
            PlatformChoice.select(index, PlatformChoice.parse("linux/arm/v7", AMD64))
                .orElseThrow()
                .digest()
                .hex())
        .isEqualTo("a".repeat(64));
    assertThat(
            PlatformChoice.select(index, PlatformChoice.parse("linux/arm64", AMD64))
                .orElseThrow()
                .digest()
                .hex())
        .isEqualTo("b".repeat(64));
    assertThat(PlatformChoice.select(index, PlatformChoice.parse("linux/s390x", AMD64))).isEmpty();
    assertThat(PlatformChoice.select(index, PlatformChoice.parse("linux/arm/v6", AMD64))).isEmpty();
  }

  @Test
  void parse_takesTheMediaTypeFromTheContentTypeWhenTheDocumentHasNone() {
    String body = INDEX.replace("\"mediaType\":\"" + MediaTypes.OCI_INDEX + "\",", "");

    assertThat(parse(body, MediaTypes.DOCKER_MANIFEST_LIST))
        .isInstanceOf(ManifestDocument.ManifestIndex.class);
  }

  @Test
  void parse_refusesSchema1AndUnknownLayerTypes() {
    assertThatThrownBy(() -> parse("{\"schemaVersion\":1,\"name\":\"x\"}", ""))
        .isInstanceOf(RegistryException.Refused.class)
        .hasMessageContaining("schema 1");
    String foreign =
        "{\"schemaVersion\":2,\"config\":{\"mediaType\":\"x\",\"size\":1,\"digest\":\"sha256:"
            + "1".repeat(64)
            + "\"},\"layers\":[{\"mediaType\":\"text/plain\",\"size\":1,\"digest\":\"sha256:"
            + "2".repeat(64)
            + "\"}]}";
    assertThatThrownBy(() -> parse(foreign, MediaTypes.OCI_MANIFEST))
        .isInstanceOf(RegistryException.Refused.class)
        .hasMessageContaining("text/plain");
  }

  @Test
  void platform_parseQuotesAnEmptyPlatform() {
    assertThatThrownBy(() -> PlatformChoice.parse("/amd64", AMD64))
        .isInstanceOf(EngineFault.InvalidArgument.class)
        .hasMessageContaining("\"/amd64\"");
    assertThat(PlatformChoice.parse("linux", AMD64)).isEqualTo(AMD64);
  }

  private static ManifestDocument parse(String body, String contentType) {
    return ManifestDocument.parse(body.getBytes(StandardCharsets.UTF_8), contentType, "x:1");
  }

  private static String entry(String hexDigit, String os, String architecture, String variant) {
    return "{\"mediaType\":\""
        + MediaTypes.OCI_MANIFEST
        + "\",\"size\":100,\"digest\":\"sha256:"
        + hexDigit.repeat(64)
        + "\",\"platform\":{\"os\":\""
        + os
        + "\",\"architecture\":\""
        + architecture
        + "\""
        + (variant == null ? "" : ",\"variant\":\"" + variant + "\"")
        + "}}";
  }
}
