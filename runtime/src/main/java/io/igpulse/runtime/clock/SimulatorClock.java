package io.igpulse.runtime.clock;

import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.function.LongSupplier;

/**
 * The simulator's clock, read from its {@code GET /_sim/clock} ({@code now} and {@code speed}).
 *
 * <p>While the simulated clock runs, a reading is extrapolated from the last answer (simulated time
 * = answered time + elapsed real time × speed) and the answer is refreshed once a second, so that
 * services reading "now" thousands of times a second do not each make a loopback call. While it is
 * frozen (speed 0, as tests that move it by hand do), every reading asks again, so a move is seen
 * at once. Readings never go backwards.
 */
public final class SimulatorClock implements ServiceClock {

  private static final long REFRESH_NANOS = Duration.ofSeconds(1).toNanos();
  private static final long MAX_REAL_DELAY_MILLIS = 1000;

  private final Reader reader;
  private final LongSupplier nanos;
  private Anchor anchor;
  private long lastMillis = Long.MIN_VALUE;

  /** One answer of the simulator's clock endpoint. */
  record Reading(Instant now, double speed) {}

  /** Reads the simulator's clock once. */
  @FunctionalInterface
  interface Reader {
    Reading read();
  }

  private record Anchor(long simMillis, long realNanos, double speed) {}

  SimulatorClock(String simulatorBaseUrl) {
    this(new HttpReader(simulatorBaseUrl), java.lang.System::nanoTime);
  }

  SimulatorClock(Reader reader, LongSupplier nanos) {
    this.reader = reader;
    this.nanos = nanos;
  }

  /** Simulated epoch milliseconds now. */
  public synchronized long nowMillis() {
    long real = nanos.getAsLong();
    if (anchor == null || anchor.speed == 0 || real - anchor.realNanos >= REFRESH_NANOS) {
      Reading r = reader.read();
      anchor = new Anchor(r.now().toEpochMilli(), real, r.speed());
    }
    long millis =
        anchor.simMillis + (long) ((real - anchor.realNanos) / 1_000_000.0 * anchor.speed);
    lastMillis = Math.max(lastMillis, millis);
    return lastMillis;
  }

  @Override
  public Clock clock() {
    return new Clock() {
      @Override
      public Instant instant() {
        return Instant.ofEpochMilli(nowMillis());
      }

      @Override
      public ZoneId getZone() {
        return ZoneOffset.UTC;
      }

      @Override
      public Clock withZone(ZoneId zone) {
        return this;
      }
    };
  }

  @Override
  public Duration realDelay(Duration interval) {
    double speed;
    synchronized (this) {
      if (anchor == null) {
        nowMillis();
      }
      speed = anchor.speed;
    }
    // A frozen clock moves only by hand, and a running one may change speed: never wait longer
    // than a second before looking at the clock again.
    long millis = speed > 0 ? (long) (interval.toMillis() / speed) : MAX_REAL_DELAY_MILLIS;
    return Duration.ofMillis(Math.max(1, Math.min(millis, MAX_REAL_DELAY_MILLIS)));
  }

  @Override
  public String toString() {
    return "simulator";
  }

  /** {@code GET <base>/_sim/clock} over loopback HTTP. */
  private static final class HttpReader implements Reader {
    private final HttpClient http =
        HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final URI uri;

    HttpReader(String baseUrl) {
      this.uri = URI.create(baseUrl.replaceAll("/+$", "") + "/_sim/clock");
    }

    @Override
    public Reading read() {
      try {
        HttpResponse<String> response =
            http.send(
                HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(5)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
          throw new IllegalStateException(
              "the simulator clock at " + uri + " answered HTTP " + response.statusCode());
        }
        JsonObject body = new JsonObject(response.body());
        return new Reading(Instant.parse(body.getString("now")), body.getDouble("speed", 0.0));
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read the simulator clock at " + uri, e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted reading the simulator clock", e);
      }
    }
  }
}
