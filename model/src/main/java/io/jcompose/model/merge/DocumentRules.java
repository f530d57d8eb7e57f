package io.jcompose.model.merge;

/**
 * The merge rule of each top-level key of a compose document and of the resources under it.
 * Top-level keys without a rule of their own ({@code name}, {@code include}, {@code configs},
 * {@code secrets}, {@code models}, {@code x-*}) follow the general rule.
 */
final class DocumentRules {

  /** A whole compose document. */
  static final MapRule DOCUMENT = new MapRule(DocumentRules::forKey);

  private static final MapRule SERVICES = new MapRule(name -> ServiceRules.SERVICE);
  private static final MapRule IPAM = new MapRule(DocumentRules::forIpamKey);
  private static final MapRule NETWORK =
      new MapRule(key -> labelsOr(key, key.equals("ipam") ? IPAM : GenericRule.INSTANCE));
  private static final MapRule NETWORKS = new MapRule(name -> NETWORK);
  private static final MapRule VOLUME = new MapRule(key -> labelsOr(key, GenericRule.INSTANCE));
  private static final MapRule VOLUMES = new MapRule(name -> VOLUME);

  private DocumentRules() {}

  private static MergeRule forKey(String key) {
    return switch (key) {
      case "services" -> SERVICES;
      case "networks" -> NETWORKS;
      case "volumes" -> VOLUMES;
      default -> GenericRule.INSTANCE;
    };
  }

  private static MergeRule forIpamKey(String key) {
    return switch (key) {
      case "config" -> IpamConfigRule.INSTANCE;
      case "options" -> KeyValueRule.INSTANCE;
      default -> GenericRule.INSTANCE;
    };
  }

  private static MergeRule labelsOr(String key, MergeRule other) {
    return key.equals("labels") ? KeyValueRule.INSTANCE : other;
  }
}
