package io.jcompose.engine.oci;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;

/**
 * The OCI runtime spec's {@code config.json}, as far as the engine writes it: the wire format, kept
 * apart from the domain records and filled by {@link SpecTranslator}. Absent (null) fields are left
 * out.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record RuntimeSpecTemplate(
    String ociVersion,
    ProcessTemplate process,
    RootTemplate root,
    String hostname,
    List<MountTemplate> mounts,
    LinuxTemplate linux) {

  @JsonInclude(JsonInclude.Include.NON_NULL)
  record ProcessTemplate(
      boolean terminal,
      UserTemplate user,
      List<String> args,
      List<String> env,
      String cwd,
      CapabilitiesTemplate capabilities,
      List<RlimitTemplate> rlimits,
      boolean noNewPrivileges) {}

  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  record UserTemplate(long uid, long gid, List<Long> additionalGids) {}

  record CapabilitiesTemplate(
      List<String> bounding, List<String> effective, List<String> permitted) {}

  record RlimitTemplate(String type, BigInteger hard, BigInteger soft) {}

  record RootTemplate(String path, boolean readonly) {}

  @JsonInclude(JsonInclude.Include.NON_NULL)
  record MountTemplate(String destination, String type, String source, List<String> options) {}

  @JsonInclude(JsonInclude.Include.NON_NULL)
  record LinuxTemplate(
      String cgroupsPath,
      ResourcesTemplate resources,
      List<DeviceTemplate> devices,
      Map<String, String> sysctl,
      List<NamespaceTemplate> namespaces,
      List<String> maskedPaths,
      List<String> readonlyPaths) {}

  @JsonInclude(JsonInclude.Include.NON_NULL)
  record ResourcesTemplate(
      List<DeviceRuleTemplate> devices,
      MemoryTemplate memory,
      PidsTemplate pids,
      CpuTemplate cpu) {}

  @JsonInclude(JsonInclude.Include.NON_NULL)
  record DeviceRuleTemplate(boolean allow, String type, Long major, Long minor, String access) {}

  record DeviceTemplate(
      String path, String type, long major, long minor, int fileMode, long uid, long gid) {}

  @JsonInclude(JsonInclude.Include.NON_NULL)
  record MemoryTemplate(Long limit, Long swap, Long reservation, Boolean disableOOMKiller) {}

  record PidsTemplate(long limit) {}

  @JsonInclude(JsonInclude.Include.NON_NULL)
  record CpuTemplate(Long shares, Long quota, Long period, String cpus, String mems) {}

  @JsonInclude(JsonInclude.Include.NON_NULL)
  record NamespaceTemplate(String type, String path) {}
}
