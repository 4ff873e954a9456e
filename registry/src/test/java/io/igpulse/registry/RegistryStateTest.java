package io.igpulse.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.igpulse.registry.RegistryState.Registered;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/** Identity and rule semantics of the registry, without HTTP or disk. */
class RegistryStateTest {

  private static final String V1 = schema("");
  private static final String V2 =
      schema(",{\"name\":\"b\",\"type\":[\"null\",\"string\"],\"default\":null}");
  private static final String V3_REQUIRED = schema(",{\"name\":\"c\",\"type\":\"long\"}");
  private static final String NOT_AVRO =
      "{\"type\":\"record\",\"name\":\"R\",\"fields\":[{\"name\"";

  private final RegistryState state = new RegistryState();

  @Test
  void sameContentUnderTwoArtifactsSharesTheContentIdNotTheGlobalId() {
    Registered one = register("one", V1);
    Registered two = register("two", V1);

    assertThat(two.version().contentId()).isEqualTo(one.version().contentId());
    assertThat(two.version().globalId()).isNotEqualTo(one.version().globalId());
    assertThat(state.content(one.version().contentId())).isEqualTo(V1);
  }

  @Test
  void findOrCreateReturnsTheMatchingOlderVersionAndCountsNewOnes() {
    Registered first = register("a", V1);
    Registered second = register("a", V2);
    Registered again = register("a", V1);

    assertThat(second.version().version()).isEqualTo("2");
    assertThat(again.created()).isFalse();
    assertThat(again.version()).isEqualTo(first.version());
    assertThat(state.version("default", "a", "branch=latest")).isEqualTo(second.version());
  }

  @Test
  void findOrCreateReturnsTheNewestOfSeveralMatchingVersions() {
    register("a", V1);
    register("a", V2);
    ArtifactVersion third = state.addVersion("default", "a", V1 + "  ");

    Registered found =
        state.register("default", "a", "AVRO", V1 + "\n", "FIND_OR_CREATE_VERSION", true);

    assertThat(found.created()).isFalse();
    assertThat(found.version().version()).isEqualTo("3");
    assertThat(found.version()).isEqualTo(third);
  }

  @Test
  void whitespaceMakesNewContentUnlessCanonical() {
    register("a", V1);

    Registered spaced =
        state.register("default", "a", "AVRO", V1 + " ", "FIND_OR_CREATE_VERSION", false);
    Registered canonical =
        state.register("default", "a", "AVRO", V1 + "  ", "FIND_OR_CREATE_VERSION", true);

    assertThat(spaced.created()).isTrue();
    assertThat(canonical.created()).isFalse();
  }

  @Test
  void ifExistsFailRefusesAnExistingArtifactWith409() {
    register("a", V1);

    RegistryProblem problem =
        catchThrowableOfType(
            RegistryProblem.class, () -> state.register("default", "a", "AVRO", V2, "FAIL", false));

    assertThat(problem.status()).isEqualTo(409);
    assertThat(problem.name()).isEqualTo("ArtifactAlreadyExistsException");
  }

  @Test
  void artifactBackwardRuleRefusesARequiredFieldWithCausesAndLocation() {
    register("a", V1);
    state.addRule(RuleScope.artifact("default", "a"), "COMPATIBILITY", "BACKWARD");

    RegistryProblem problem =
        catchThrowableOfType(RegistryProblem.class, () -> register("a", V3_REQUIRED));

    assertThat(problem.status()).isEqualTo(409);
    assertThat(problem.name()).isEqualTo("RuleViolationException");
    assertThat(problem.title())
        .startsWith("Incompatible artifact: a [AVRO], num of incompatible diffs: {1}");
    assertThat(problem.causes())
        .singleElement()
        .satisfies(c -> assertThat(c.context()).isEqualTo("/fields/1"));
    assertThat(state.versions("default", "a")).hasSize(1);
  }

  @Test
  void artifactRuleOverridesTheGroupRuleWhichOverridesTheGlobalRule() {
    state.addRule(RuleScope.GLOBAL, "COMPATIBILITY", "BACKWARD");
    state.register("g", "a", "AVRO", V1, "FIND_OR_CREATE_VERSION", false);
    state.register("g", "b", "AVRO", V1, "FIND_OR_CREATE_VERSION", false);
    state.addRule(RuleScope.group("g"), "COMPATIBILITY", "NONE");
    state.addRule(RuleScope.artifact("g", "b"), "COMPATIBILITY", "BACKWARD");

    Registered groupRuleWins =
        state.register("g", "a", "AVRO", V3_REQUIRED, "FIND_OR_CREATE_VERSION", false);
    RegistryProblem artifactRuleWins =
        catchThrowableOfType(
            RegistryProblem.class,
            () -> state.register("g", "b", "AVRO", V3_REQUIRED, "FIND_OR_CREATE_VERSION", false));

    assertThat(groupRuleWins.created()).isTrue();
    assertThat(artifactRuleWins.status()).isEqualTo(409);
  }

  @Test
  void theDefaultGroupTakesNoRulesAndAnUnknownGroupIsNotFound() {
    RegistryProblem onDefault =
        catchThrowableOfType(
            RegistryProblem.class,
            () -> state.addRule(RuleScope.group("default"), "VALIDITY", "FULL"));
    RegistryProblem onUnknown =
        catchThrowableOfType(
            RegistryProblem.class,
            () -> state.addRule(RuleScope.group("nope"), "VALIDITY", "FULL"));

    assertThat(onDefault.status()).isEqualTo(409);
    assertThat(onDefault.name()).isEqualTo("NotAllowedException");
    assertThat(onUnknown.status()).isEqualTo(404);
    assertThat(onUnknown.title()).isEqualTo("No group 'nope' was found.");
  }

  @Test
  void forwardRuleLetsOldReadersReadNewDataOnly() {
    register("a", V3_REQUIRED);
    state.addRule(RuleScope.artifact("default", "a"), "COMPATIBILITY", "FORWARD");

    // Old reader (with c, no default) cannot read data lacking c.
    RegistryProblem problem = catchThrowableOfType(RegistryProblem.class, () -> register("a", V1));

    assertThat(problem.status()).isEqualTo(409);
  }

  @Test
  void transitiveRuleChecksEveryVersionNotOnlyTheLatest() {
    register("a", V3_REQUIRED);
    register("a", V1);
    state.addRule(RuleScope.artifact("default", "a"), "COMPATIBILITY", "FORWARD_TRANSITIVE");

    // Compatible with the latest (V1 reader reads V1 data) but the first reader needs c.
    RegistryProblem problem = catchThrowableOfType(RegistryProblem.class, () -> register("a", V2));

    assertThat(problem.status()).isEqualTo(409);
  }

  @Test
  void globalValidityRuleRefusesInvalidSchemaForANewArtifact() {
    state.addRule(RuleScope.GLOBAL, "VALIDITY", "SYNTAX_ONLY");

    RegistryProblem problem =
        catchThrowableOfType(RegistryProblem.class, () -> register("new", NOT_AVRO));

    assertThat(problem.status()).isEqualTo(409);
    assertThat(problem.name()).isEqualTo("RuleViolationException");
    assertThat(problem.title()).isEqualTo("Syntax violation for Avro artifact.");
    assertThat(problem.causes()).isEmpty();
    assertThat(
            catchThrowableOfType(RegistryProblem.class, () -> state.versions("default", "new"))
                .status())
        .isEqualTo(404);
  }

  @Test
  void invalidAvroUnderACompatibilityRuleIsUnprocessable() {
    register("a", V1);
    state.addRule(RuleScope.artifact("default", "a"), "COMPATIBILITY", "BACKWARD");

    RegistryProblem problem =
        catchThrowableOfType(RegistryProblem.class, () -> register("a", NOT_AVRO));

    assertThat(problem.status()).isEqualTo(422);
    assertThat(problem.name()).isEqualTo("UnprocessableSchemaException");
    assertThat(problem.title())
        .isEqualTo("Could not execute compatibility rule on invalid Avro schema");
    assertThat(problem.causes()).isNull();
  }

  @Test
  void anUnknownRuleConfigIsStoredAndRefusesContentWithAClearMessage() {
    register("a", V1);
    state.addRule(RuleScope.artifact("default", "a"), "COMPATIBILITY", "FOO");

    RegistryProblem problem = catchThrowableOfType(RegistryProblem.class, () -> register("a", V2));

    assertThat(state.ruleConfig(RuleScope.artifact("default", "a"), "COMPATIBILITY"))
        .isEqualTo("FOO");
    assertThat(problem.status()).isEqualTo(409);
    assertThat(problem.title()).contains("COMPATIBILITY rule in force has config 'FOO'");
  }

  @Test
  void latestIsTakenLiterallyAndNeverFound() {
    register("a", V1);

    RegistryProblem problem =
        catchThrowableOfType(RegistryProblem.class, () -> state.version("default", "a", "latest"));

    assertThat(problem.status()).isEqualTo(404);
    assertThat(problem.title())
        .isEqualTo("No version 'latest' found for artifact with ID 'a' in group 'null'.");
  }

  @Test
  void unknownIdsAnswer404WithTheRealServersNames() {
    assertThat(catchThrowableOfType(RegistryProblem.class, () -> state.content(99)).name())
        .isEqualTo("ContentNotFoundException");
    assertThat(catchThrowableOfType(RegistryProblem.class, () -> state.byGlobalId(99)).name())
        .isEqualTo("VersionNotFoundException");
    assertThat(
            catchThrowableOfType(RegistryProblem.class, () -> state.version("default", "x", "1"))
                .name())
        .isEqualTo("VersionNotFoundException");
  }

  @Test
  void aChangeThatCouldNotBeMadeDurableIsNeitherVisibleNorCountsAnId() {
    AtomicBoolean diskFull = new AtomicBoolean(true);
    RegistryState journaled =
        new RegistryState(
            new RegistryModel(),
            changes -> {
              if (diskFull.get()) {
                throw new UncheckedIOException(new IOException("No space left on device"));
              }
            });

    Throwable failed =
        catchThrowable(
            () -> journaled.register("default", "a", "AVRO", V1, "FIND_OR_CREATE_VERSION", false));
    diskFull.set(false);
    Registered afterwards =
        journaled.register("default", "b", "AVRO", V2, "FIND_OR_CREATE_VERSION", false);

    assertThat(failed).isInstanceOf(UncheckedIOException.class);
    assertThat(
            catchThrowableOfType(RegistryProblem.class, () -> journaled.versions("default", "a"))
                .status())
        .isEqualTo(404);
    assertThat(afterwards.version().globalId()).isEqualTo(1);
    assertThat(afterwards.version().contentId()).isEqualTo(1);
  }

  private Registered register(String artifactId, String content) {
    return state.register("default", artifactId, "AVRO", content, "FIND_OR_CREATE_VERSION", false);
  }

  private static String schema(String extraFields) {
    return "{\"type\":\"record\",\"name\":\"R\",\"fields\":[{\"name\":\"a\",\"type\":\"string\"}"
        + extraFields
        + "]}";
  }
}
