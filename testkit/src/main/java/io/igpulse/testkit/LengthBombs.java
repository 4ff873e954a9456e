package io.igpulse.testkit;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import org.apache.avro.Schema;

/**
 * Records of a few bytes that declare an enormous string or array: the decoder, unless bounded,
 * allocates what is declared before reading it, and an {@code OutOfMemoryError} is no exception a
 * record handler catches. Each bomb keeps the 5-byte frame (magic byte and schema id) of a real
 * record of the topic, so it reaches the Avro decoder of the right schema rather than failing
 * earlier on an unknown schema id.
 */
public final class LengthBombs {

  /** About 2 GB, declared as a string length or an item count. */
  public static final long DECLARED = 2_147_483_000L;

  private static final int FRAME = 5;

  private LengthBombs() {}

  /**
   * A body whose first field, a string, declares {@link #DECLARED} bytes: 5 bytes of frame and 5 of
   * length, nothing else.
   */
  public static byte[] stringBomb(byte[] framedExample, Schema schema) {
    Schema.Field first = schema.getFields().get(0);
    if (first.schema().getType() != Schema.Type.STRING) {
      throw new IllegalArgumentException(schema.getName() + " does not start with a string");
    }
    ByteArrayOutputStream out = frame(framedExample);
    varint(out, DECLARED);
    return out.toByteArray();
  }

  /**
   * A body whose fields before {@code arrayField} hold their smallest values (one zero byte each:
   * empty strings, enum symbol 0, null branches, 0) and whose {@code arrayField} declares {@link
   * #DECLARED} items.
   */
  public static byte[] arrayBomb(byte[] framedExample, Schema schema, String arrayField) {
    ByteArrayOutputStream out = frame(framedExample);
    for (Schema.Field field : schema.getFields()) {
      if (field.name().equals(arrayField)) {
        if (field.schema().getType() != Schema.Type.ARRAY) {
          throw new IllegalArgumentException(arrayField + " is not an array");
        }
        varint(out, DECLARED);
        return out.toByteArray();
      }
      smallest(out, field.schema());
    }
    throw new IllegalArgumentException(schema.getName() + " has no field " + arrayField);
  }

  private static ByteArrayOutputStream frame(byte[] framedExample) {
    if (framedExample.length < FRAME || framedExample[0] != 0) {
      throw new IllegalArgumentException("not an Apicurio-framed record");
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(Arrays.copyOf(framedExample, FRAME));
    return out;
  }

  /** The encoding of a value of {@code schema} as small as the type allows. */
  private static void smallest(ByteArrayOutputStream out, Schema schema) {
    switch (schema.getType()) {
      case NULL -> {}
      case STRING, BYTES, INT, LONG, ENUM, ARRAY, MAP -> out.write(0);
      case BOOLEAN -> out.write(0);
      case FLOAT -> out.writeBytes(new byte[4]);
      case DOUBLE -> out.writeBytes(new byte[8]);
      case FIXED -> out.writeBytes(new byte[schema.getFixedSize()]);
      case UNION -> {
        out.write(0);
        smallest(out, schema.getTypes().get(0));
      }
      case RECORD -> schema.getFields().forEach(f -> smallest(out, f.schema()));
    }
  }

  /** Avro's zig-zag varint of {@code value}. */
  private static void varint(ByteArrayOutputStream out, long value) {
    long zigZag = (value << 1) ^ (value >> 63);
    while ((zigZag & ~0x7FL) != 0) {
      out.write((int) ((zigZag & 0x7F) | 0x80));
      zigZag >>>= 7;
    }
    out.write((int) zigZag);
  }
}
