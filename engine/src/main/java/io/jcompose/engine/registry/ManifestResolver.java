package io.jcompose.engine.registry;

import io.jcompose.engine.digest.Digest;
import io.jcompose.engine.image.ImageConfig;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.util.Optional;

/**
 * Finds the image manifest a reference names: fetches the manifest by tag or digest, and when it is
 * an index, the entry for the wanted platform. Every manifest is checked against its digest when
 * the reference or the index names one.
 */
final class ManifestResolver {

  private static final int MANIFEST_LIMIT = 4 * 1024 * 1024;

  /**
   * @param digest the digest of the top manifest (the repo digest docker shows), not of the
   *     platform's entry
   */
  record Resolved(Digest digest, ManifestDocument.ImageManifest manifest) {}

  private ManifestResolver() {}

  /**
   * @param tagOrDigest {@code 1} or {@code sha256:...}
   * @param name the reference for messages
   * @throws RegistryException.Unknown when there is no such manifest or no entry for the platform
   */
  static Resolved resolve(
      RegistryTransport transport, String tagOrDigest, ImageConfig.Platform platform, String name)
      throws InterruptedException {
    Optional<Digest> expected =
        tagOrDigest.startsWith(Digest.ALGORITHM + ":")
            ? Optional.of(Digest.parse(tagOrDigest))
            : Optional.empty();
    Fetched top = fetch(transport, tagOrDigest, expected, name);
    ManifestDocument document = ManifestDocument.parse(top.body(), top.contentType(), name);
    if (document instanceof ManifestDocument.ImageManifest manifest) {
      return new Resolved(top.digest(), manifest);
    }
    var index = (ManifestDocument.ManifestIndex) document;
    Descriptor chosen =
        PlatformChoice.select(index, platform)
            .orElseThrow(
                () ->
                    new RegistryException.Unknown(
                        "no matching manifest for " + platform + " in the manifest list entries"));
    Fetched entry =
        fetch(transport, chosen.digest().toString(), Optional.of(chosen.digest()), name);
    ManifestDocument platformDocument =
        ManifestDocument.parse(entry.body(), entry.contentType(), name);
    if (!(platformDocument instanceof ManifestDocument.ImageManifest manifest)) {
      throw new RegistryException.Refused(
          "the manifest list of " + name + " names another manifest list for " + platform);
    }
    return new Resolved(top.digest(), manifest);
  }

  private record Fetched(byte[] body, String contentType, Digest digest) {}

  private static Fetched fetch(
      RegistryTransport transport, String reference, Optional<Digest> expected, String name)
      throws InterruptedException {
    HttpResponse<InputStream> response =
        transport.get("manifests/" + reference, MediaTypes.MANIFESTS, 0);
    if (response.statusCode() != 200) {
      throw RegistryErrors.of(response, "manifest");
    }
    byte[] body;
    try (InputStream stream = response.body()) {
      body = stream.readNBytes(MANIFEST_LIMIT + 1);
    } catch (IOException e) {
      throw new RegistryException.Unreachable(
          "reading the manifest of " + name + ": " + RegistryTransport.describe(e), e);
    }
    if (body.length > MANIFEST_LIMIT) {
      throw new RegistryException.Refused(
          "the manifest of " + name + " is larger than " + MANIFEST_LIMIT + " bytes");
    }
    Digest actual = Digest.of(body);
    if (expected.isPresent() && !expected.get().equals(actual)) {
      throw new RegistryException.Refused(
          "the manifest of "
              + name
              + " does not match its digest: expected "
              + expected.get()
              + ", got "
              + actual);
    }
    String contentType =
        response.headers().firstValue("Content-Type").orElse("").split(";", 2)[0].strip();
    return new Fetched(body, contentType, actual);
  }
}
