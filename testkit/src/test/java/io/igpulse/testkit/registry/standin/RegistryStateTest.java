package io.igpulse.testkit.registry.standin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.igpulse.testkit.registry.standin.RegistryState.Registered;
import org.junit.jupiter.api.Test;

/** The stand-in's identity and rule semantics, without HTTP. */
class RegistryStateTest {

  private static final String V1 = schema("");
  private static final String V2 =
      schema(",{\"name\":\"b\",\"type\":[\"null\",\"string\"],\"default\":null}");
  private static final String V3_REQUIRED = schema(",{\"name\":\"c\",\"type\":\"long\"}");

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
    state.addRule("default", "a", "COMPATIBILITY", "BACKWARD");

    RegistryProblem problem =
        catchThrowableOfType(RegistryProblem.class, () -> register("a", V3_REQUIRED));

    assertThat(problem.status()).isEqualTo(409);
    assertThat(problem.name()).isEqualTo("RuleViolationException");
    assertThat(problem.causes())
        .singleElement()
        .satisfies(c -> assertThat(c.context()).isEqualTo("/fields/1"));
    assertThat(state.versions("default", "a")).hasSize(1);
  }

  @Test
  void artifactRuleOverridesTheGlobalRule() {
    state.addRule(null, null, "COMPATIBILITY", "BACKWARD");
    register("a", V1);
    state.addRule("default", "a", "COMPATIBILITY", "NONE");

    assertThat(register("a", V3_REQUIRED).created()).isTrue();
  }

  @Test
  void forwardRuleLetsOldReadersReadNewDataOnly() {
    register("a", V3_REQUIRED);
    state.addRule("default", "a", "COMPATIBILITY", "FORWARD");

    // Old reader (with c, no default) cannot read data lacking c.
    RegistryProblem problem = catchThrowableOfType(RegistryProblem.class, () -> register("a", V1));

    assertThat(problem.status()).isEqualTo(409);
  }

  @Test
  void transitiveRuleChecksEveryVersionNotOnlyTheLatest() {
    register("a", V3_REQUIRED);
    register("a", V1);
    state.addRule("default", "a", "COMPATIBILITY", "FORWARD_TRANSITIVE");

    // Compatible with the latest (V1 reader reads V1 data) but the first reader needs c.
    RegistryProblem problem = catchThrowableOfType(RegistryProblem.class, () -> register("a", V2));

    assertThat(problem.status()).isEqualTo(409);
  }

  @Test
  void unknownIdsAnswer404WithTheRealServersNames() {
    assertThat(catchThrowableOfType(RegistryProblem.class, () -> state.content(99)).name())
        .isEqualTo("ContentNotFoundException");
    assertThat(catchThrowableOfType(RegistryProblem.class, () -> state.byGlobalId(99)).name())
        .isEqualTo("VersionNotFoundException");
    assertThat(
            catchThrowableOfType(RegistryProblem.class, () -> state.version("default", "x", "1"))
                .status())
        .isEqualTo(404);
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
