package io.igpulse.local;

/** The text of {@code --help}. */
final class Usage {

  private Usage() {}

  static final String TEXT =
      String.join(
          "\n",
          "igpulse local run: Kafka, a registry, the Graph API simulator (or the real API) and the",
          "collector, enricher and aggregator in one process. Every option is also a variable:",
          "--data-dir=D  is  IGPULSE_LOCAL_DATA_DIR=D.",
          "",
          "  --data-dir=igpulse-data      where everything is kept; delete it to start anew",
          "  --graph-url=URL              the real Graph API (https://graph.facebook.com); default:",
          "                               the simulator. Tokens: IGPULSE_TOKEN_<ref> or IGPULSE_TOKENS_FILE",
          "  --registry-url=URL           a real Apicurio Registry; default: the embedded one",
          "  --accounts=40 --followed=12  the simulated world and how many accounts are followed",
          "  --speed=60                   simulated seconds per real second",
          "  --seed=42                    the simulated world's seed",
          "  --progress-seconds=5         how often the progress line is printed",
          "  --kafka-port=9092 --controller-port=9093 --registry-port=8081 --simulator-port=8090",
          "  --collector-port=8084 --collector-management-port=9084 --enricher-management-port=9085",
          "  --aggregator-port=8083 --aggregator-management-port=9083   (all on 127.0.0.1)");
}
