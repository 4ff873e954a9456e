package io.igpulse.aggregator.topology.codec;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.function.Consumer;

/**
 * Appends values to a growing byte array: variable-length integers (small numbers and deltas take
 * one or two bytes), length-prefixed UTF-8 strings, raw doubles.
 */
public final class CompactWriter {

  private byte[] bytes;
  private int size;

  CompactWriter(int capacity) {
    bytes = new byte[capacity];
  }

  public void writeByte(int value) {
    ensure(1);
    bytes[size++] = (byte) value;
  }

  public void writeBoolean(boolean value) {
    writeByte(value ? 1 : 0);
  }

  /** Zig-zag varint: values near zero, negative or not, stay short. */
  public void writeLong(long value) {
    writeUnsigned((value << 1) ^ (value >> 63));
  }

  public void writeInt(int value) {
    writeLong(value);
  }

  /** A count or an index (never negative). */
  public void writeSize(int value) {
    writeUnsigned(value);
  }

  public void writeDouble(double value) {
    long bits = Double.doubleToRawLongBits(value);
    ensure(8);
    for (int shift = 56; shift >= 0; shift -= 8) {
      bytes[size++] = (byte) (bits >>> shift);
    }
  }

  public void writeNullableDouble(Double value) {
    writeBoolean(value != null);
    if (value != null) {
      writeDouble(value);
    }
  }

  public void writeNullableLong(Long value) {
    writeBoolean(value != null);
    if (value != null) {
      writeLong(value);
    }
  }

  public void writeString(String value) {
    writeBytes(value.getBytes(StandardCharsets.UTF_8));
  }

  /** Length-prefixed raw bytes. */
  public void writeBytes(byte[] value) {
    writeSize(value.length);
    ensure(value.length);
    System.arraycopy(value, 0, bytes, size, value.length);
    size += value.length;
  }

  public void writeNullableString(String value) {
    writeBoolean(value != null);
    if (value != null) {
      writeString(value);
    }
  }

  /**
   * Writes what {@code body} writes as one length-prefixed block, which a reader can skip and
   * decode later (see {@link CompactReader#readBlock()}).
   */
  public void writeBlock(Consumer<CompactWriter> body) {
    CompactWriter block = new CompactWriter(64);
    body.accept(block);
    writeSize(block.size);
    ensure(block.size);
    System.arraycopy(block.bytes, 0, bytes, size, block.size);
    size += block.size;
  }

  byte[] toByteArray() {
    return Arrays.copyOf(bytes, size);
  }

  private void writeUnsigned(long value) {
    ensure(10);
    while ((value & ~0x7FL) != 0) {
      bytes[size++] = (byte) ((value & 0x7F) | 0x80);
      value >>>= 7;
    }
    bytes[size++] = (byte) value;
  }

  private void ensure(int more) {
    if (size + more > bytes.length) {
      bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, size + more));
    }
  }
}
