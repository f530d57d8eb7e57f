package io.jcompose.engine.image;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;

/** The wire forms of an image archive: docker's manifest.json and the OCI layout's JSON. */
final class ArchiveJson {

  static final String OCI_INDEX = ManifestTypes.OCI_INDEX;
  static final String DOCKER_MANIFEST_LIST = ManifestTypes.DOCKER_MANIFEST_LIST;
  static final String OCI_MANIFEST = ManifestTypes.OCI_MANIFEST;
  static final String DOCKER_MANIFEST = ManifestTypes.DOCKER_MANIFEST;
  static final String OCI_CONFIG = "application/vnd.oci.image.config.v1+json";
  static final String OCI_LAYER = "application/vnd.oci.image.layer.v1.tar";
  static final String IMAGE_NAME_ANNOTATION = "io.containerd.image.name";
  static final String REF_NAME_ANNOTATION = "org.opencontainers.image.ref.name";
  static final String REFERENCE_TYPE_ANNOTATION = "vnd.docker.reference.type";

  private ArchiveJson() {}

  /** One element of docker save's manifest.json. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  @JsonInclude(JsonInclude.Include.NON_NULL)
  static final class ManifestEntry {
    @JsonProperty("Config")
    public String config;

    @JsonProperty("RepoTags")
    public List<String> repoTags;

    @JsonProperty("Layers")
    public List<String> layers;
  }

  /** An OCI content descriptor. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  @JsonInclude(JsonInclude.Include.NON_NULL)
  static final class Descriptor {
    public String mediaType;
    public String digest;
    public Long size;
    public Map<String, String> annotations;
    public Platform platform;
  }

  @JsonIgnoreProperties(ignoreUnknown = true)
  @JsonInclude(JsonInclude.Include.NON_NULL)
  static final class Platform {
    public String architecture;
    public String os;
    public String variant;
  }

  /** An OCI image index or docker manifest list (index.json is one too). */
  @JsonIgnoreProperties(ignoreUnknown = true)
  @JsonInclude(JsonInclude.Include.NON_NULL)
  static final class Index {
    public Integer schemaVersion;
    public String mediaType;
    public List<Descriptor> manifests;
  }

  /** An OCI image manifest or docker schema 2 manifest. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  @JsonInclude(JsonInclude.Include.NON_NULL)
  static final class Manifest {
    public Integer schemaVersion;
    public String mediaType;
    public Descriptor config;
    public List<Descriptor> layers;
  }
}
