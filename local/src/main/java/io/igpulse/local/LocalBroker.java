package io.igpulse.local;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.storage.Formatter;
import org.apache.kafka.server.common.MetadataVersion;

/**
 * One Kafka broker in KRaft combined mode (broker and controller in one node), built from Kafka's
 * own production server classes, with its log under the data directory: the first start formats the
 * storage, later ones find it formatted and continue with every record written before.
 *
 * <p>Settings are those of a single-node cluster (replication factors 1, no initial rebalance
 * delay) and listen on loopback only.
 */
public final class LocalBroker implements AutoCloseable {

  private static final String CONTROLLER = "CONTROLLER";
  private static final int NODE_ID = 1;

  private final KafkaRaftServer server;
  private final String bootstrapServers;

  private LocalBroker(KafkaRaftServer server, String bootstrapServers) {
    this.server = server;
    this.bootstrapServers = bootstrapServers;
  }

  /**
   * Formats {@code logDir} if it is new and starts the broker; returns once it accepts clients.
   *
   * @param port the client port on 127.0.0.1
   * @param controllerPort the KRaft controller port on 127.0.0.1
   */
  public static LocalBroker start(Path logDir, int port, int controllerPort) {
    Properties props = serverProperties(logDir, port, controllerPort);
    KafkaConfig config = KafkaConfig.fromProps(props, false);
    format(config, logDir);
    KafkaRaftServer server = new KafkaRaftServer(config, Time.SYSTEM);
    server.startup();
    return new LocalBroker(server, "127.0.0.1:" + port);
  }

  public String bootstrapServers() {
    return bootstrapServers;
  }

  @Override
  public void close() {
    server.shutdown();
    server.awaitShutdown();
  }

  static Properties serverProperties(Path logDir, int port, int controllerPort) {
    Properties p = new Properties();
    p.put("process.roles", "broker,controller");
    p.put("node.id", Integer.toString(NODE_ID));
    p.put("controller.quorum.voters", NODE_ID + "@127.0.0.1:" + controllerPort);
    p.put(
        "listeners",
        "PLAINTEXT://127.0.0.1:" + port + "," + CONTROLLER + "://127.0.0.1:" + controllerPort);
    p.put("advertised.listeners", "PLAINTEXT://127.0.0.1:" + port);
    p.put("controller.listener.names", CONTROLLER);
    p.put("inter.broker.listener.name", "PLAINTEXT");
    p.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT," + CONTROLLER + ":PLAINTEXT");
    p.put("log.dirs", logDir.toAbsolutePath().toString());
    p.put("num.partitions", "1");
    p.put("default.replication.factor", "1");
    p.put("offsets.topic.replication.factor", "1");
    p.put("transaction.state.log.replication.factor", "1");
    p.put("transaction.state.log.min.isr", "1");
    p.put("share.coordinator.state.topic.replication.factor", "1");
    p.put("share.coordinator.state.topic.min.isr", "1");
    // A single local member should not wait 3 s for others before its first assignment.
    p.put("group.initial.rebalance.delay.ms", "0");
    // Compacted topics (trends, seen markers) are small here: clean them soon, not after 50 %.
    p.put("log.cleaner.min.cleanable.ratio", "0.1");
    p.put("auto.create.topics.enable", "false");
    return p;
  }

  /** Formats a new log directory; one already formatted is left as it is (a restart). */
  private static void format(KafkaConfig config, Path logDir) {
    try {
      Files.createDirectories(logDir);
      Formatter formatter =
          new Formatter()
              .setClusterId(clusterId(logDir))
              .setNodeId(NODE_ID)
              .setControllerListenerName(CONTROLLER)
              .setMetadataLogDirectory(config.metadataLogDir())
              .setDirectories(List.of(logDir.toAbsolutePath().toString()))
              .setReleaseVersion(MetadataVersion.LATEST_PRODUCTION)
              .setIgnoreFormatted(true)
              .setPrintStream(
                  new PrintStream(OutputStream.nullOutputStream(), true, StandardCharsets.UTF_8));
      formatter.run();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot prepare the Kafka log directory " + logDir, e);
    } catch (Exception e) {
      throw new IllegalStateException(
          "cannot format the Kafka log directory " + logDir + ": " + e.getMessage(), e);
    }
  }

  /** The cluster id of a formatted directory, or a new one. */
  private static String clusterId(Path logDir) throws IOException {
    Path meta = logDir.resolve("meta.properties");
    if (Files.exists(meta)) {
      Properties p = new Properties();
      try (InputStream in = Files.newInputStream(meta)) {
        p.load(in);
      }
      String id = p.getProperty("cluster.id");
      if (id != null) {
        return id;
      }
    }
    return Uuid.randomUuid().toString();
  }
}
