package io.igpulse.runtime.config;

import java.util.Collection;
import java.util.Map;
import java.util.StringJoiner;

/**
 * The resolved configuration as one log line. Secrets are shown only as set or not set, and
 * pass-through client settings only by key, since any of them (a SASL password) may be secret.
 */
public final class ConfigDescription {

  private final StringJoiner line = new StringJoiner(" ");

  public ConfigDescription add(String name, Object value) {
    line.add(name + "=" + value);
    return this;
  }

  public ConfigDescription secret(String name, Object value) {
    line.add(name + "=" + (value == null || value.toString().isEmpty() ? "<unset>" : "<redacted>"));
    return this;
  }

  public ConfigDescription keysOnly(String name, Map<String, ?> values) {
    return keysOnly(name, values.keySet());
  }

  public ConfigDescription keysOnly(String name, Collection<String> keys) {
    line.add(name + "=" + keys);
    return this;
  }

  @Override
  public String toString() {
    return line.toString();
  }
}
