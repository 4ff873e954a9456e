package io.igpulse.testkit.simulator;

import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Gives a test class the JVM's one Instagram Graph API simulator; declare a {@code Simulator}
 * parameter to receive it. One per JVM because starting a world per class would make every IT pay
 * for it and hide state leaks between classes that real deployments would share.
 */
@Target({ElementType.TYPE, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Inherited
@ExtendWith(SimulatorExtension.class)
public @interface WithSimulator {}
