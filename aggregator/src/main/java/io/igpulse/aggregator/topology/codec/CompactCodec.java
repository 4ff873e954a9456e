package io.igpulse.aggregator.topology.codec;

/** How one internal type is laid out in the compact format; read in the order written. */
public interface CompactCodec<T> {

  void write(T value, CompactWriter out);

  T read(CompactReader in);
}
