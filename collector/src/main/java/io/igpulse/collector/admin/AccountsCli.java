package io.igpulse.collector.admin;

import io.igpulse.collector.config.CollectorConfig;
import io.igpulse.events.AccountRegistration;
import io.igpulse.graphapi.GraphClient;
import io.igpulse.graphapi.pacing.PacingClock;
import io.igpulse.graphapi.token.ReferencedTokens;
import io.igpulse.graphapi.token.TokenRedactor;
import io.igpulse.runtime.kafka.ClientSettings;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vertx.core.Vertx;
import java.io.PrintStream;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * {@code accounts add <ig_user_id> --token-ref R [--label L] [--hashtags a,b]}, {@code accounts
 * deactivate <ig_user_id>}, {@code accounts import --token-ref R [--hashtags a,b]}: the admin API's
 * writes from a shell, with the same environment as the service. Returns the process exit code.
 */
public final class AccountsCli {

  static final String USAGE =
      """
      usage: accounts add <ig_user_id> --token-ref <ref> [--label <label>] [--hashtags a,b]
             accounts deactivate <ig_user_id>
             accounts import --token-ref <ref> [--hashtags a,b]
      (configuration from the environment, as for the service; tokens from IGPULSE_TOKEN_<ref>)""";

  private final Map<String, String> env;
  private final PrintStream out;
  private final PrintStream err;

  public AccountsCli(Map<String, String> env, PrintStream out, PrintStream err) {
    this.env = env;
    this.out = out;
    this.err = err;
  }

  /** Parsed command line: the verb, positional arguments and {@code --name value} options. */
  record Command(String verb, List<String> args, Map<String, String> options) {

    static Command parse(String[] argv) {
      if (argv.length == 0) {
        throw new IllegalArgumentException("missing command");
      }
      Map<String, String> options = new HashMap<>();
      ArrayList<String> args = new ArrayList<>();
      for (int i = 1; i < argv.length; i++) {
        if (argv[i].startsWith("--")) {
          if (i + 1 >= argv.length) {
            throw new IllegalArgumentException(argv[i] + " needs a value");
          }
          options.put(argv[i].substring(2), argv[++i]);
        } else {
          args.add(argv[i]);
        }
      }
      return new Command(argv[0], List.copyOf(args), Map.copyOf(options));
    }

    List<String> hashtags() {
      String v = options.get("hashtags");
      return v == null ? List.of() : Arrays.stream(v.split(",")).map(String::trim).toList();
    }
  }

  public int run(String[] argv) {
    Command command;
    try {
      command = Command.parse(argv);
    } catch (IllegalArgumentException e) {
      err.println(e.getMessage());
      err.println(USAGE);
      return 2;
    }
    CollectorConfig config = CollectorConfig.fromEnv(env);
    try (Producer<String, byte[]> producer =
        new KafkaProducer<>(
            ClientSettings.reliableProducer(
                config.bootstrapServers(), "collector-cli", config.producerOverrides()),
            new StringSerializer(),
            new ByteArraySerializer())) {
      AccountWriter writer =
          new AccountWriter(
              config.bootstrapServers(),
              config.consumerOverrides(),
              config.registry(),
              producer,
              Clock.systemUTC());
      switch (command.verb()) {
        case "add" -> {
          if (command.args().size() != 1) {
            throw new IllegalArgumentException("add needs exactly one ig_user_id");
          }
          print(
              writer.register(
                  new AccountWriter.Request(
                      command.args().get(0),
                      command.options().get("label"),
                      command.options().get("token-ref"),
                      command.hashtags(),
                      null)));
        }
        case "deactivate" -> {
          if (command.args().size() != 1) {
            throw new IllegalArgumentException("deactivate needs exactly one ig_user_id");
          }
          Optional<AccountRegistration> off = writer.deactivate(command.args().get(0));
          if (off.isEmpty()) {
            err.println("account " + command.args().get(0) + " was never registered");
            return 1;
          }
          print(off.get());
        }
        case "import" -> {
          String ref = command.options().get("token-ref");
          if (ref == null) {
            throw new IllegalArgumentException("import needs --token-ref");
          }
          importAll(config, writer, ref, command.hashtags());
        }
        default -> throw new IllegalArgumentException("unknown command " + command.verb());
      }
      return 0;
    } catch (IllegalArgumentException e) {
      err.println(e.getMessage());
      err.println(USAGE);
      return 2;
    } catch (Exception e) {
      err.println("failed: " + e.getMessage());
      return 1;
    }
  }

  private void importAll(
      CollectorConfig config, AccountWriter writer, String ref, List<String> tags)
      throws Exception {
    Vertx vertx = Vertx.vertx();
    try {
      TokenRedactor redactor = new TokenRedactor();
      ReferencedTokens tokens = ReferencedTokens.load(env, config.tokensFile(), redactor);
      GraphClient client =
          GraphClient.create(
              vertx,
              config.graph(),
              new SimpleMeterRegistry(),
              PacingClock.system(vertx),
              redactor);
      List<AccountRegistration> written =
          new AccountImport(vertx, client, tokens, writer)
              .importAll(ref, tags)
              .toCompletionStage()
              .toCompletableFuture()
              .get(5, TimeUnit.MINUTES);
      written.forEach(this::print);
      out.println(written.size() + " account(s) imported");
      client.close();
    } finally {
      vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }
  }

  private void print(AccountRegistration r) {
    out.println(AdminRoutes.json(r).encode());
  }
}
