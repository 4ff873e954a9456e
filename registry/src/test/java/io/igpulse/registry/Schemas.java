package io.igpulse.registry;

/** Avro schemas the registry tests register: an evolution line and text that is not Avro. */
final class Schemas {

  static final String V1 = schema("");
  static final String V2_OPTIONAL =
      schema(",{\"name\":\"note\",\"type\":[\"null\",\"string\"],\"default\":null}");
  static final String V3_REQUIRED = schema(",{\"name\":\"count\",\"type\":\"long\"}");

  /** JSON that stops half-way: no parser reads it as a schema. */
  static final String NOT_AVRO = "{\"type\":\"record\",\"name\":\"Probe\",\"fields\":[{\"name\"";

  /** V1 laid out over several lines: new content, the same canonical form. */
  static final String V1_PRETTY = V1.replace(",", ",\n  ");

  private Schemas() {}

  private static String schema(String extraFields) {
    return "{\"type\":\"record\",\"name\":\"Probe\",\"namespace\":\"io.igpulse.registry\",\"fields\":"
        + "[{\"name\":\"id\",\"type\":\"string\"}"
        + extraFields
        + "]}";
  }
}
