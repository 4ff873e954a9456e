package io.igpulse.runtime.clock;

import io.igpulse.runtime.config.Settings;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;

/**
 * The time a service lives in: the system clock against the real Graph API, or the simulator's
 * clock in a simulated run, so that every service (collector intervals and {@code discovered_at},
 * enricher schedule, aggregator "now") follows the same time as the answers they read. Chosen by
 * one setting, {@code IGPULSE_CLOCK}.
 */
public sealed interface ServiceClock permits ServiceClock.System, SimulatorClock {

  /** The setting that chooses the clock: {@code system} (default) or {@code simulator}. */
  String SETTING = "IGPULSE_CLOCK";

  /** The simulator's base URL, read when {@link #SETTING} is {@code simulator}. */
  String SIMULATOR_URL = "IGPULSE_GRAPH_BASE_URL";

  /** "Now", as an injectable {@link Clock} (UTC). */
  Clock clock();

  /**
   * How long to wait in real time for {@code interval} of this clock's time to pass: a timer of the
   * collector's 5-minute owned-media interval fires every 5 s of real time when the simulator runs
   * 60 times faster. At least one millisecond. For a simulated clock it is at most a second, since
   * its speed can change meanwhile: a timer that must not fire early checks the clock again when it
   * fires.
   */
  Duration realDelay(Duration interval);

  /** The clock {@code IGPULSE_CLOCK} names; the simulator's base URL is the Graph API base URL. */
  static ServiceClock from(Settings settings) {
    String kind = settings.string(SETTING, "system").trim().toLowerCase(Locale.ROOT);
    return switch (kind) {
      case "system" -> SYSTEM;
      case "simulator" -> new SimulatorClock(settings.required(SIMULATOR_URL));
      default -> throw new IllegalArgumentException(SETTING + " must be system or simulator");
    };
  }

  /** The system clock. */
  ServiceClock SYSTEM = new System();

  /** The system clock: real time, timers as configured. */
  final class System implements ServiceClock {

    private System() {}

    @Override
    public Clock clock() {
      return Clock.systemUTC();
    }

    @Override
    public Duration realDelay(Duration interval) {
      return interval.compareTo(Duration.ofMillis(1)) < 0 ? Duration.ofMillis(1) : interval;
    }

    @Override
    public String toString() {
      return "system";
    }
  }
}
