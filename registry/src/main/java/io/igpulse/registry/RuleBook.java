package io.igpulse.registry;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The rules of every scope: adding, changing, removing and reading them, and which rule is in force
 * for an artifact. Rules are stored with whatever config they are given, as the real server stores
 * them; {@link RuleEnforcement} says so when one cannot be applied. Not thread-safe: {@link
 * RegistryState} calls it under its lock.
 */
final class RuleBook {

  static final List<String> RULE_TYPES =
      List.of(RuleEnforcement.VALIDITY, RuleEnforcement.COMPATIBILITY, RuleEnforcement.INTEGRITY);

  private final RegistryModel model;
  private final Consumer<List<Change>> commit;

  /**
   * @param commit makes changes durable and applies them to {@code model}
   */
  RuleBook(RegistryModel model, Consumer<List<Change>> commit) {
    this.model = model;
    this.commit = commit;
  }

  /**
   * Per rule type: the artifact's rule (none when {@code artifactId} is null), else its group's,
   * else the global one.
   */
  Map<String, String> inForce(String groupId, String artifactId) {
    Map<String, String> inForce = new LinkedHashMap<>();
    for (String type : RULE_TYPES) {
      Optional.ofNullable(
              artifactId == null
                  ? null
                  : model.existingRules(RuleScope.artifact(groupId, artifactId)).get(type))
          .or(() -> Optional.ofNullable(model.existingRules(RuleScope.group(groupId)).get(type)))
          .or(() -> Optional.ofNullable(model.existingRules(RuleScope.GLOBAL).get(type)))
          .ifPresent(config -> inForce.put(type, config));
    }
    return inForce;
  }

  void add(RuleScope scope, String ruleType, String config) {
    checkRule(ruleType, config);
    if (rules(scope).containsKey(ruleType)) {
      throw RegistryProblem.ruleExists(ruleType);
    }
    commit.accept(List.of(new Change.RuleSet(scope, ruleType, config)));
  }

  void update(RuleScope scope, String ruleType, String config) {
    checkRule(ruleType, config);
    config(scope, ruleType);
    commit.accept(List.of(new Change.RuleSet(scope, ruleType, config)));
  }

  void delete(RuleScope scope, String ruleType) {
    config(scope, ruleType);
    commit.accept(List.of(new Change.RuleDeleted(scope, ruleType)));
  }

  List<String> types(RuleScope scope) {
    return List.copyOf(rules(scope).keySet());
  }

  String config(RuleScope scope, String ruleType) {
    String config = rules(scope).get(ruleType);
    if (config == null) {
      throw RegistryProblem.ruleNotFound(ruleType);
    }
    return config;
  }

  /** The rules of a scope that must exist: a known artifact, or a group other than the default. */
  private Map<String, String> rules(RuleScope scope) {
    if (scope.isGroup()) {
      if ("default".equalsIgnoreCase(scope.groupId())) {
        throw RegistryProblem.notAllowed("Default group is not allowed");
      }
      if (!model.groupExists(scope.groupId())) {
        throw RegistryProblem.groupNotFound(scope.groupId());
      }
    } else if (!scope.isGlobal() && model.artifact(scope.groupId(), scope.artifactId()).isEmpty()) {
      throw RegistryProblem.artifactNotFound(scope.groupId(), scope.artifactId());
    }
    return model.existingRules(scope);
  }

  private static void checkRule(String ruleType, String config) {
    if (!RULE_TYPES.contains(ruleType)) {
      throw RegistryProblem.badRequest("Unknown rule type: " + ruleType);
    }
    if (config == null || config.isBlank()) {
      throw RegistryProblem.badRequest("Missing required parameter: config");
    }
  }
}
