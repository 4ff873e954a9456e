package io.igpulse.benchmarks.aggregator;

import io.igpulse.aggregator.config.AggregatorConfig;
import io.igpulse.aggregator.topology.TrendTopology;
import io.igpulse.runtime.streams.TopicSerdes;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;

/**
 * What the harness runs ({@code -Dbench.topology=}): the whole aggregator ({@code full}, the
 * default and the figure of record), or only its first stages, built by the production code, to
 * show what the rest of the topology can cost at most: {@code decode} reads and decodes the input
 * in Kafka Streams (exactly-once, the production settings) and does nothing else; {@code deltas}
 * also keeps each media's last state and computes its deltas, the least any trend needs; {@code
 * repartitioned} also sends the deltas through the two repartition topics (by account, by hashtag)
 * and reads them back, the least a per-account and per-hashtag trend needs.
 */
enum TopologyUnderTest {
  FULL("the whole topology: EOS, 2 window families, ranks"),
  DECODE("stage only: decode the input"),
  DELTAS("stages only: decode, media state, deltas"),
  REPARTITIONED("stages only: decode, media state, deltas, repartitioned by account and hashtag");

  private final String description;

  TopologyUnderTest(String description) {
    this.description = description;
  }

  String description() {
    return description;
  }

  /** What the partial stages saw: engagement summed over the snapshots, or over the deltas. */
  final AtomicLong engagementSeen = new AtomicLong();

  static TopologyUnderTest fromCommandLine() {
    return valueOf(System.getProperty("bench.topology", "full").toUpperCase(Locale.ROOT));
  }

  Topology build(AggregatorConfig config) {
    if (this == FULL) {
      return TrendTopology.build(config);
    }
    TopicSerdes serdes = TopicSerdes.apicurio(config.registry());
    StreamsBuilder builder = new StreamsBuilder();
    if (this == DECODE) {
      TrendTopology.snapshots(builder, serdes)
          .foreach((mediaId, snapshot) -> engagementSeen.addAndGet(snapshot.getEngagement()));
    } else if (this == DELTAS) {
      TrendTopology.deltas(builder, config, serdes)
          .foreach((mediaId, delta) -> engagementSeen.addAndGet(delta.engagement()));
    } else {
      var deltas = TrendTopology.deltas(builder, config, serdes);
      TrendTopology.byAccount(deltas)
          .foreach((account, delta) -> engagementSeen.addAndGet(delta.engagement()));
      // Counted by account only; the hashtag copies are read and dropped, as the topology's first
      // step after the repartition would.
      TrendTopology.byHashtag(deltas).foreach((hashtag, delta) -> {});
    }
    return builder.build();
  }
}
