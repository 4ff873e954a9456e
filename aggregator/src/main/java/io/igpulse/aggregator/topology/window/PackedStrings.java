package io.igpulse.aggregator.topology.window;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import org.apache.kafka.common.errors.SerializationException;

/**
 * A set of strings kept in its stored form: each entry a varint length and its UTF-8 bytes, one
 * after the other. A bucket's set is read from the store, extended by one delta and written back
 * for every delta; kept packed, that costs a scan and a copy of bytes instead of decoding every
 * entry into a string and a hash set and encoding it again. Membership is a linear scan, so the set
 * suits the hundreds of media of one hashtag bucket, not millions; unions of many buckets go
 * through a hash set ({@link #union}).
 */
public final class PackedStrings {

  private byte[] bytes;
  private int length;
  private int count;

  private PackedStrings(byte[] bytes, int length, int count) {
    this.bytes = bytes;
    this.length = length;
    this.count = count;
  }

  public static PackedStrings empty() {
    return new PackedStrings(new byte[32], 0, 0);
  }

  /** The packed form as stored; fails on bytes that are not {@code count} well-formed entries. */
  public static PackedStrings fromPacked(byte[] packed, int count) {
    int position = 0;
    for (int i = 0; i < count; i++) {
      long entry = readLength(packed, position, packed.length);
      long next = (entry >>> 32) + (int) entry;
      if (next > packed.length) {
        throw new SerializationException("corrupt packed strings: entry past the end");
      }
      position = (int) next;
    }
    if (position != packed.length) {
      throw new SerializationException("corrupt packed strings: trailing bytes");
    }
    return new PackedStrings(packed, packed.length, count);
  }

  @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
  public static PackedStrings of(Collection<String> values) {
    PackedStrings set = empty();
    for (String value : new LinkedHashSet<>(values)) {
      byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
      set.append(utf8, 0, utf8.length);
    }
    return set;
  }

  /** Adds {@code value} unless present; true when it was added. */
  public boolean add(String value) {
    byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
    if (contains(utf8)) {
      return false;
    }
    append(utf8, 0, utf8.length);
    return true;
  }

  /** Appends an entry known to be absent. */
  private void append(byte[] source, int offset, int n) {
    ensure(5 + n);
    int remaining = n;
    while ((remaining & ~0x7F) != 0) {
      bytes[length++] = (byte) ((remaining & 0x7F) | 0x80);
      remaining >>>= 7;
    }
    bytes[length++] = (byte) remaining;
    System.arraycopy(source, offset, bytes, length, n);
    length += n;
    count++;
  }

  public int size() {
    return count;
  }

  /** The packed bytes (a copy), for the serde. */
  public byte[] packed() {
    return Arrays.copyOf(bytes, length);
  }

  @JsonValue
  public List<String> values() {
    List<String> values = new ArrayList<>(count);
    forEach(values);
    return values;
  }

  /**
   * The union of several sets, as a new set. Entries are compared as bytes (through a hash set of
   * slices), never decoded into strings.
   */
  public static PackedStrings union(List<PackedStrings> sets) {
    if (sets.size() == 1) {
      PackedStrings only = sets.get(0);
      return new PackedStrings(only.packed(), only.length, only.count);
    }
    int capacity = 0;
    for (PackedStrings set : sets) {
      capacity += set.count;
    }
    Set<ByteBuffer> seen = new HashSet<>((int) (capacity / 0.75f) + 1);
    PackedStrings union = empty();
    for (PackedStrings set : sets) {
      int position = 0;
      while (position < set.length) {
        long entry = readLength(set.bytes, position, set.length);
        int start = (int) (entry >>> 32);
        int size = (int) entry;
        if (seen.add(ByteBuffer.wrap(set.bytes, start, size))) {
          union.append(set.bytes, start, size);
        }
        position = start + size;
      }
    }
    return union;
  }

  /**
   * Calls {@code action} with each member as a read-only view of its UTF-8 bytes, without decoding:
   * views of equal members are equal and hash alike. They stay valid while this set is not changed.
   */
  public void forEachPacked(Consumer<ByteBuffer> action) {
    int position = 0;
    while (position < length) {
      long entry = readLength(bytes, position, length);
      int start = (int) (entry >>> 32);
      int size = (int) entry;
      action.accept(ByteBuffer.wrap(bytes, start, size).asReadOnlyBuffer());
      position = start + size;
    }
  }

  private void forEach(Collection<String> into) {
    int position = 0;
    while (position < length) {
      long entry = readLength(bytes, position, length);
      int start = (int) (entry >>> 32);
      int size = (int) entry;
      into.add(new String(bytes, start, size, StandardCharsets.UTF_8));
      position = start + size;
    }
  }

  private boolean contains(byte[] utf8) {
    int position = 0;
    while (position < length) {
      long entry = readLength(bytes, position, length);
      int start = (int) (entry >>> 32);
      int size = (int) entry;
      if (size == utf8.length && Arrays.equals(bytes, start, start + size, utf8, 0, size)) {
        return true;
      }
      position = start + size;
    }
    return false;
  }

  /** The entry length at {@code position}: (start of its bytes) << 32 | length. */
  private static long readLength(byte[] bytes, int position, int end) {
    int value = 0;
    for (int shift = 0; shift < 32; shift += 7) {
      if (position >= end) {
        throw new SerializationException("corrupt packed strings: truncated length");
      }
      int b = bytes[position++];
      value |= (b & 0x7F) << shift;
      if ((b & 0x80) == 0) {
        if (value < 0) {
          break;
        }
        return ((long) position << 32) | value;
      }
    }
    throw new SerializationException("corrupt packed strings: bad length");
  }

  private void ensure(int more) {
    if (length + more > bytes.length) {
      bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, length + more));
    }
  }
}
