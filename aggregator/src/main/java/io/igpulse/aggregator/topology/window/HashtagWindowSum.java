package io.igpulse.aggregator.topology.window;

import java.nio.ByteBuffer;
import java.util.HashMap;
import java.util.Map;

/**
 * The running sum of a hashtag's buckets for a sliding pass ({@link BucketSeries#slide}): the
 * engagement and the distinct media and accounts of the buckets currently added. Members are
 * counted by bucket, as packed bytes (never decoded), so a member leaves with its last bucket.
 */
public final class HashtagWindowSum implements BucketSeries.Accumulator<HashtagWindow> {

  private long engagement;
  private final Map<ByteBuffer, int[]> media = new HashMap<>();
  private final Map<ByteBuffer, int[]> accounts = new HashMap<>();

  @Override
  public void add(HashtagWindow bucket) {
    engagement += bucket.engagement();
    bucket.media().forEachPacked(member -> count(media, member, 1));
    bucket.accounts().forEachPacked(member -> count(accounts, member, 1));
  }

  @Override
  public void remove(HashtagWindow bucket) {
    engagement -= bucket.engagement();
    bucket.media().forEachPacked(member -> count(media, member, -1));
    bucket.accounts().forEachPacked(member -> count(accounts, member, -1));
  }

  private static void count(Map<ByteBuffer, int[]> members, ByteBuffer member, int by) {
    int[] buckets = members.computeIfAbsent(member, k -> new int[1]);
    buckets[0] += by;
    if (buckets[0] == 0) {
      members.remove(member);
    }
  }

  public long engagement() {
    return engagement;
  }

  public int distinctMedia() {
    return media.size();
  }

  public int distinctAccounts() {
    return accounts.size();
  }
}
