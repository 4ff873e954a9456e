package io.igpulse.collector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.igpulse.collector.service.CollectorService;
import io.igpulse.simulator.Simulator;
import io.igpulse.testkit.WithInfrastructure;
import io.igpulse.testkit.kafka.KafkaCluster;
import io.igpulse.testkit.registry.SchemaRegistry;
import io.igpulse.testkit.simulator.WithSimulator;
import java.net.ConnectException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.util.Collections;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * With no bind address set, the collector's ports answer on loopback and refuse connections on
 * every other address of the host: nothing else on the network reaches the admin API, webhooks or
 * management by default.
 */
@WithInfrastructure
@WithSimulator
class BindAddressIT {

  @Test
  void shouldListenOnLoopbackOnlyByDefault(
      KafkaCluster kafka, SchemaRegistry registry, Simulator sim) throws Exception {
    Optional<InetAddress> external = nonLoopbackAddress();
    assumeTrue(external.isPresent(), "this host has no non-loopback IPv4 address");
    try (CollectorHarness harness = new CollectorHarness(kafka, registry, sim, "bind-it")) {
      CollectorService collector = harness.start("b1");

      for (int port : new int[] {collector.httpPort(), collector.managementPort()}) {
        assertThat(connects(InetAddress.getLoopbackAddress(), port)).isTrue();
        assertThatThrownBy(() -> connects(external.get(), port))
            .isInstanceOf(ConnectException.class);
      }
    }
  }

  private static boolean connects(InetAddress address, int port) throws Exception {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(address, port), 5_000);
      return socket.isConnected();
    }
  }

  private static Optional<InetAddress> nonLoopbackAddress() throws Exception {
    for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
      if (!nic.isUp() || nic.isLoopback()) {
        continue;
      }
      for (InetAddress address : Collections.list(nic.getInetAddresses())) {
        if (address instanceof Inet4Address) {
          return Optional.of(address);
        }
      }
    }
    return Optional.empty();
  }
}
