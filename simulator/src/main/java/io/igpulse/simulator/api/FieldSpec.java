package io.igpulse.simulator.api;

import java.util.List;
import java.util.Map;

/**
 * One requested field: {@code insights.metric(reach,saved)} is name {@code insights} with modifier
 * {@code metric} = {@code reach,saved}; {@code children{id,media_url}} has sub-fields.
 *
 * @param children sub-fields, or null when none were given
 */
public record FieldSpec(String name, Map<String, String> modifiers, List<FieldSpec> children) {

  public String modifier(String key) {
    return modifiers.get(key);
  }
}
