package io.igpulse.registry;

/**
 * Where a rule applies: everywhere ({@link #GLOBAL}), to one group, or to one artifact. The most
 * specific scope wins.
 */
record RuleScope(String groupId, String artifactId) {

  static final RuleScope GLOBAL = new RuleScope(null, null);

  static RuleScope group(String groupId) {
    return new RuleScope(groupId, null);
  }

  static RuleScope artifact(String groupId, String artifactId) {
    return new RuleScope(groupId, artifactId);
  }

  boolean isGlobal() {
    return groupId == null;
  }

  boolean isGroup() {
    return groupId != null && artifactId == null;
  }
}
