package io.igpulse.local;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.Map;

/**
 * Checks every port of the stack before anything starts, so that a port in use stops the run with
 * one line naming it and the flag that changes it, instead of a bind exception halfway through.
 */
final class PortCheck {

  private PortCheck() {}

  static void requireFree(Map<String, Integer> portsByFlag) {
    for (Map.Entry<String, Integer> e : portsByFlag.entrySet()) {
      int port = e.getValue();
      if (port < 1 || port > 65535) {
        throw new SetupException(
            "--" + e.getKey() + " must be a port between 1 and 65535, not " + port);
      }
      if (!free(port)) {
        throw new SetupException(
            "port "
                + port
                + " ("
                + e.getKey().replace("-port", "").replace('-', ' ')
                + ") is in use: stop what holds it, or choose another with --"
                + e.getKey()
                + "=<port>");
      }
    }
  }

  private static boolean free(int port) {
    try (ServerSocket socket = new ServerSocket()) {
      socket.setReuseAddress(true);
      socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
      return true;
    } catch (IOException e) {
      return false;
    }
  }
}
