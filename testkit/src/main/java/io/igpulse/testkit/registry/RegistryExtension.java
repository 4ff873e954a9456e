package io.igpulse.testkit.registry;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts one registry per JVM (see {@link Registries} for which) and hands it to every test that
 * asks.
 */
public final class RegistryExtension implements BeforeAllCallback, ParameterResolver {

  private static final Logger LOG = LoggerFactory.getLogger(RegistryExtension.class);
  private static final ExtensionContext.Namespace NAMESPACE =
      ExtensionContext.Namespace.create(RegistryExtension.class);

  @Override
  public void beforeAll(ExtensionContext context) {
    LOG.info(
        "{} uses registry: {}",
        context.getRequiredTestClass().getSimpleName(),
        registry(context).description());
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return parameter.getParameter().getType() == SchemaRegistry.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    return registry(context);
  }

  /**
   * The JVM's registry, started on first use; JUnit closes it when the last test of the JVM is
   * done.
   */
  public static SchemaRegistry registry(ExtensionContext context) {
    return context
        .getRoot()
        .getStore(NAMESPACE)
        .getOrComputeIfAbsent("registry", key -> Registries.start(), SchemaRegistry.class);
  }
}
