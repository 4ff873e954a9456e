package io.igpulse.aggregator.topology.window;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import io.igpulse.aggregator.topology.delta.MediaDelta;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What an account gained in one bucket or window. Mutable on purpose: a Kafka Streams aggregator
 * updates one value per record, and copying the per-media map on every delta would cost more than
 * the update itself.
 */
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY)
public final class AccountWindow {

  private long engagement;
  private long reach;
  private long views;
  private Map<String, Long> mediaEngagement = new HashMap<>();
  private long updatedAt;

  public static AccountWindow empty() {
    return new AccountWindow();
  }

  /** The sum of several buckets, as a new value. */
  public static AccountWindow combine(List<AccountWindow> parts) {
    AccountWindow sum = new AccountWindow();
    for (AccountWindow part : parts) {
      sum.engagement += part.engagement;
      sum.reach += part.reach;
      sum.views += part.views;
      part.mediaEngagement.forEach(
          (media, gained) -> sum.mediaEngagement.merge(media, gained, Long::sum));
      sum.updatedAt = Math.max(sum.updatedAt, part.updatedAt);
    }
    return sum;
  }

  public AccountWindow add(MediaDelta delta) {
    engagement += delta.engagement();
    reach += delta.reach();
    views += delta.views();
    mediaEngagement.merge(delta.mediaId(), delta.engagement(), Long::sum);
    updatedAt = Math.max(updatedAt, delta.capturedAt());
    return this;
  }

  public long engagement() {
    return engagement;
  }

  public long reach() {
    return reach;
  }

  public long views() {
    return views;
  }

  public Map<String, Long> mediaEngagement() {
    return mediaEngagement;
  }

  public long updatedAt() {
    return updatedAt;
  }
}
