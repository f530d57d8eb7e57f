package io.jcompose.model.merge;

/** The merge rule of each attribute of a service (compose-go's {@code services.*.<key>} rules). */
final class ServiceRules {

  /** A whole service definition. */
  static final MapRule SERVICE = new MapRule(ServiceRules::forKey);

  /** One entry of a service's {@code networks} mapping. */
  static final MapRule NETWORK_ATTACHMENT = new MapRule(ServiceRules::forAttachmentKey);

  private static final SeqRule VALUES = SeqRule.unique(ItemKey.VALUE);
  private static final SeqRule VALUES_OR_STRING = SeqRule.uniqueOrString(ItemKey.VALUE);
  private static final SeqRule ENV_FILES = SeqRule.uniqueOrString(ItemKey.ENV_FILE_PATH);
  private static final SeqRule VOLUMES = SeqRule.unique(ItemKey.VOLUME_TARGET);
  private static final SeqRule DEVICES = SeqRule.unique(ItemKey.DEVICE_TARGET);
  private static final SeqRule SECRETS = SeqRule.unique(ItemKey.SECRET_TARGET);
  private static final SeqRule CONFIGS = SeqRule.unique(ItemKey.CONFIG_TARGET);
  private static final SeqRule PORTS = SeqRule.unique(ItemKey.PORT);
  private static final MapRule HEALTHCHECK =
      new MapRule(key -> key.equals("test") ? ReplaceRule.INSTANCE : GenericRule.INSTANCE);
  private static final MapRule DEPLOY =
      new MapRule(key -> key.equals("labels") ? KeyValueRule.INSTANCE : GenericRule.INSTANCE);
  private static final MapRule ULIMITS = new MapRule(key -> ReplaceRule.INSTANCE);

  private ServiceRules() {}

  private static MergeRule forKey(String key) {
    return switch (key) {
      case "command", "entrypoint" -> ReplaceRule.INSTANCE;
      case "build" -> BuildRule.INSTANCE;
      case "depends_on" -> ListToMapRule.DEPENDS_ON;
      case "networks" -> ListToMapRule.NETWORKS;
      case "models" -> ListToMapRule.MODELS;
      case "environment", "labels", "annotations", "sysctls" -> KeyValueRule.INSTANCE;
      case "extra_hosts" -> ExtraHostsRule.INSTANCE;
      case "logging" -> LoggingRule.INSTANCE;
      case "ulimits" -> ULIMITS;
      case "healthcheck" -> HEALTHCHECK;
      case "deploy" -> DEPLOY;
      case "tmpfs", "dns", "dns_opt", "dns_search", "label_file" -> VALUES_OR_STRING;
      case "env_file" -> ENV_FILES;
      case "volumes" -> VOLUMES;
      case "devices" -> DEVICES;
      case "secrets" -> SECRETS;
      case "configs" -> CONFIGS;
      case "ports" -> PORTS;
      case "expose", "profiles", "cap_add", "cap_drop", "links" -> VALUES;
      default -> GenericRule.INSTANCE;
    };
  }

  private static MergeRule forAttachmentKey(String key) {
    return switch (key) {
      case "aliases", "link_local_ips" -> VALUES;
      default -> GenericRule.INSTANCE;
    };
  }
}
