package io.igpulse.aggregator.topology.window;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import io.igpulse.aggregator.topology.delta.MediaDelta;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/** What an account's own media gained in one bucket or window: engagement, reach and views. */
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY)
public final class AccountWindow extends MediaGains {

  private long reach;
  private long views;

  public static AccountWindow empty() {
    return new AccountWindow();
  }

  /** A window as stored (the serde's way back); the per-media map is read when first needed. */
  public static AccountWindow restore(
      long engagement,
      long reach,
      long views,
      Supplier<Map<String, Long>> mediaEngagement,
      long updatedAt) {
    AccountWindow window = new AccountWindow();
    window.restoreGains(engagement, mediaEngagement, updatedAt);
    window.reach = reach;
    window.views = views;
    return window;
  }

  /** The sum of several buckets, as a new value. */
  public static AccountWindow combine(List<AccountWindow> parts) {
    AccountWindow sum = new AccountWindow();
    for (AccountWindow part : parts) {
      sum.addGains(part);
      sum.reach += part.reach;
      sum.views += part.views;
    }
    return sum;
  }

  public AccountWindow add(MediaDelta delta) {
    addGains(delta);
    reach += delta.reach();
    views += delta.views();
    return this;
  }

  public long reach() {
    return reach;
  }

  public long views() {
    return views;
  }
}
