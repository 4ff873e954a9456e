package io.igpulse.aggregator.topology.codec;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.apache.kafka.common.errors.SerializationException;

/** Reads what {@link CompactWriter} wrote, in the same order. */
public final class CompactReader {

  private final byte[] bytes;
  private final int end;
  private int position;

  CompactReader(byte[] bytes, int position) {
    this(bytes, position, bytes.length);
  }

  private CompactReader(byte[] bytes, int position, int end) {
    this.bytes = bytes;
    this.position = position;
    this.end = end;
  }

  /**
   * Skips over a block written by {@link CompactWriter#writeBlock} and returns a reader of it
   * alone, to decode now or later.
   */
  public CompactReader readBlock() {
    int length = readSize();
    CompactReader block = new CompactReader(bytes, position, position + length);
    position += length;
    return block;
  }

  /** Fails unless everything was read: a longer value is corrupt, not newer. */
  public void expectEnd(String what) {
    if (position != end) {
      throw new SerializationException("corrupt " + what + ": trailing bytes");
    }
  }

  public int readByte() {
    if (position >= end) {
      throw new SerializationException("truncated compact value");
    }
    return bytes[position++];
  }

  public boolean readBoolean() {
    return readByte() != 0;
  }

  public long readLong() {
    long raw = readUnsigned();
    return (raw >>> 1) ^ -(raw & 1);
  }

  public int readInt() {
    return (int) readLong();
  }

  public int readSize() {
    long value = readUnsigned();
    if (value < 0 || value > end - position) {
      // Every counted element takes at least a byte: a larger count is corruption, not data.
      throw new SerializationException("corrupt compact value: size " + value);
    }
    return (int) value;
  }

  public double readDouble() {
    long bits = 0;
    for (int i = 0; i < 8; i++) {
      bits = (bits << 8) | (readByte() & 0xFF);
    }
    return Double.longBitsToDouble(bits);
  }

  public Double readNullableDouble() {
    return readBoolean() ? readDouble() : null;
  }

  public Long readNullableLong() {
    return readBoolean() ? readLong() : null;
  }

  public String readString() {
    int length = readSize();
    String value = new String(bytes, position, length, StandardCharsets.UTF_8);
    position += length;
    return value;
  }

  /** What {@link CompactWriter#writeBytes} wrote (a copy). */
  public byte[] readBytes() {
    int length = readSize();
    byte[] value = Arrays.copyOfRange(bytes, position, position + length);
    position += length;
    return value;
  }

  public String readNullableString() {
    return readBoolean() ? readString() : null;
  }

  private long readUnsigned() {
    long value = 0;
    for (int shift = 0; shift < 64; shift += 7) {
      int b = readByte();
      value |= (long) (b & 0x7F) << shift;
      if ((b & 0x80) == 0) {
        return value;
      }
    }
    throw new SerializationException("corrupt compact value: varint too long");
  }
}
