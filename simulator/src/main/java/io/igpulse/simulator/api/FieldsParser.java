package io.igpulse.simulator.api;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Parses the {@code fields} parameter, including modifiers ({@code .metric(a,b)}) and nested
 * expansion ({@code children{id}}), into {@link FieldSpec}s.
 */
public final class FieldsParser {

  private final String text;
  private int pos;

  private FieldsParser(String text) {
    this.text = text;
  }

  /** The parsed list; {@code fallback} when the parameter is absent or empty. */
  public static List<FieldSpec> parse(String fields, List<FieldSpec> fallback) {
    if (fields == null || fields.isBlank()) {
      return fallback;
    }
    FieldsParser parser = new FieldsParser(fields.replace(" ", ""));
    List<FieldSpec> specs = parser.list();
    if (parser.pos != parser.text.length()) {
      throw parser.syntaxError();
    }
    return specs;
  }

  public static List<FieldSpec> of(String... names) {
    List<FieldSpec> specs = new ArrayList<>();
    for (String name : names) {
      specs.add(new FieldSpec(name, Map.of(), null));
    }
    return specs;
  }

  private List<FieldSpec> list() {
    List<FieldSpec> specs = new ArrayList<>();
    while (pos < text.length() && text.charAt(pos) != '}') {
      specs.add(field());
      if (pos < text.length() && text.charAt(pos) == ',') {
        pos++;
      }
    }
    return specs;
  }

  private FieldSpec field() {
    String name = identifier();
    Map<String, String> modifiers = new LinkedHashMap<>();
    while (pos < text.length() && text.charAt(pos) == '.') {
      pos++;
      String key = identifier();
      expect('(');
      int close = text.indexOf(')', pos);
      if (close < 0) {
        throw syntaxError();
      }
      modifiers.put(key, text.substring(pos, close));
      pos = close + 1;
    }
    List<FieldSpec> children = null;
    if (pos < text.length() && text.charAt(pos) == '{') {
      pos++;
      children = list();
      expect('}');
    }
    return new FieldSpec(name, modifiers, children);
  }

  private String identifier() {
    int start = pos;
    while (pos < text.length()
        && (Character.isLetterOrDigit(text.charAt(pos)) || text.charAt(pos) == '_')) {
      pos++;
    }
    if (start == pos) {
      throw syntaxError();
    }
    return text.substring(start, pos);
  }

  private void expect(char c) {
    if (pos >= text.length() || text.charAt(pos) != c) {
      throw syntaxError();
    }
    pos++;
  }

  private GraphException syntaxError() {
    String near = pos < text.length() ? String.valueOf(text.charAt(pos)) : "end";
    return GraphErrors.invalidParameter(
            "Syntax error \"Expected field name or modifier\" at character "
                + pos
                + " near "
                + near
                + ": "
                + text)
        .exception();
  }
}
