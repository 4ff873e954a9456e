package io.igpulse.aggregator.topology.window;

import java.util.Map;

/** {@link MediaGainsSum} of an account's own media, with their reach and views. */
public final class AccountWindowSum extends MediaGainsSum<AccountWindow> {

  private long reach;
  private long views;

  @Override
  public void add(AccountWindow bucket) {
    addGains(bucket);
    reach += bucket.reach();
    views += bucket.views();
  }

  @Override
  public void remove(AccountWindow bucket) {
    removeGains(bucket);
    reach -= bucket.reach();
    views -= bucket.views();
  }

  /** The window as a value of its own, stamped with its buckets' latest update. */
  public AccountWindow toWindow(long updatedAt) {
    Map<String, Long> gained = mediaEngagement();
    return AccountWindow.restore(engagement(), reach, views, () -> gained, updatedAt);
  }
}
