package io.igpulse.simulator.world;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * The simulated Instagram: accounts, their posting schedules, hashtags and the engagement curve.
 * Accounts are created up front (small); each account's media schedule is generated the first time
 * anything asks for it, so a world of a million media costs little until it is walked.
 */
public final class World {

  private final WorldSpec spec;
  private final Account[] accounts;
  private final Map<String, Integer> byUsername = new HashMap<>();
  private final AtomicReferenceArray<AccountMedia> schedules;
  private final HashtagCatalog hashtags;
  private final EngagementModel engagement;
  private final Captions captions;
  private volatile HashtagIndex hashtagIndex;

  public World(WorldSpec spec, List<BurstPlan> plans) {
    this.spec = spec;
    AccountFactory factory = new AccountFactory(spec);
    this.accounts = new Account[spec.accounts()];
    for (int i = 0; i < accounts.length; i++) {
      accounts[i] = factory.create(i);
      byUsername.put(accounts[i].username(), i);
    }
    this.schedules = new AtomicReferenceArray<>(spec.accounts());
    this.hashtags = new HashtagCatalog(spec);
    this.engagement = new EngagementModel(this, resolve(plans));
    this.captions = new Captions(hashtags);
  }

  public WorldSpec spec() {
    return spec;
  }

  public int accountCount() {
    return accounts.length;
  }

  public Account account(int index) {
    return accounts[index];
  }

  /** The account index for a username, or -1. */
  public int accountByUsername(String username) {
    Integer index = byUsername.get(username);
    return index == null ? -1 : index;
  }

  public HashtagCatalog hashtags() {
    return hashtags;
  }

  public Captions captions() {
    return captions;
  }

  public EngagementModel engagement() {
    return engagement;
  }

  /** The account's schedule, generated on first use; generation is pure, so a race is harmless. */
  public AccountMedia schedule(int account) {
    AccountMedia schedule = schedules.get(account);
    if (schedule == null) {
      schedule = AccountMedia.generate(spec, account);
      if (!schedules.compareAndSet(account, null, schedule)) {
        schedule = schedules.get(account);
      }
    }
    return schedule;
  }

  public Media post(int account, int ordinal) {
    long id = Ids.media(account, ordinal);
    long h = Mix.hash(spec.seed(), id);
    double u = Mix.unit(Mix.hash(h, 0));
    MediaKind kind =
        u < 0.40
            ? MediaKind.IMAGE
            : u < 0.60 ? MediaKind.CAROUSEL : u < 0.92 ? MediaKind.REELS : MediaKind.FEED_VIDEO;
    return new Media(id, account, ordinal, schedule(account).postCreatedSec(ordinal), kind, h);
  }

  public Media story(int account, int storyIndex) {
    int ordinal = Ids.STORY_ORDINAL_BASE + storyIndex;
    long id = Ids.media(account, ordinal);
    long h = Mix.hash(spec.seed(), id);
    MediaKind kind = Mix.unit(Mix.hash(h, 0)) < 0.7 ? MediaKind.STORY_IMAGE : MediaKind.STORY_VIDEO;
    return new Media(id, account, ordinal, schedule(account).storyCreatedSec(storyIndex), kind, h);
  }

  /** The media with this id if it was ever scheduled (existing now or not), else null. */
  public Media findMedia(long id) {
    if (Ids.kind(id) != Ids.Kind.MEDIA) {
      return null;
    }
    int account = Ids.accountOfMedia(id);
    if (account >= accounts.length) {
      return null;
    }
    int ordinal = Ids.ordinalOfMedia(id);
    AccountMedia schedule = schedule(account);
    if (ordinal >= Ids.STORY_ORDINAL_BASE) {
      int storyIndex = ordinal - Ids.STORY_ORDINAL_BASE;
      return storyIndex < schedule.storyCount() ? story(account, storyIndex) : null;
    }
    return ordinal < schedule.postCount() ? post(account, ordinal) : null;
  }

  /** Whether the media's owner hides its like counts from other accounts. */
  public boolean likesHidden(Media media) {
    return accounts[media.account()].hidesLikeCounts();
  }

  /** Followers on the day containing {@code atSec}: a daily drift plus a small daily wobble. */
  public long followers(int account, long atSec) {
    Account a = accounts[account];
    long day = Math.floorDiv(atSec, 86_400L);
    long startDay = Math.floorDiv(spec.start().getEpochSecond(), 86_400L);
    double drift = 1 + a.followerGrowthPerDay() * (day - startDay);
    double wobble = Mix.between(Mix.hash(spec.seed(), account, day, 60), -0.002, 0.002);
    return Math.max(0, Math.round(a.baseFollowers() * Math.max(0.1, drift + wobble)));
  }

  /**
   * Media of other accounts in which this account is tagged (and mentioned), by id. Some are
   * scheduled in the future: they appear, and raise a {@code mentions} webhook, as the clock
   * passes.
   */
  public long[] taggedIn(int account) {
    if (accounts.length < 2) {
      return new long[0];
    }
    int count = 2 + Mix.below(Mix.hash(spec.seed(), account, 70), 6);
    long[] ids = new long[count];
    for (int k = 0; k < count; k++) {
      int other = Mix.below(Mix.hash(spec.seed(), account, k, 71), accounts.length - 1);
      other = other >= account ? other + 1 : other;
      AccountMedia schedule = schedule(other);
      int ordinal = Mix.below(Mix.hash(spec.seed(), account, k, 72), schedule.postCount());
      ids[k] = Ids.media(other, ordinal);
    }
    return ids;
  }

  public HashtagIndex hashtagIndex() {
    HashtagIndex index = hashtagIndex;
    if (index == null) {
      synchronized (this) {
        index = hashtagIndex;
        if (index == null) {
          index = HashtagIndex.build(this);
          hashtagIndex = index;
        }
      }
    }
    return index;
  }

  private List<Burst> resolve(List<BurstPlan> plans) {
    List<Burst> bursts = new ArrayList<>();
    for (BurstPlan plan : plans) {
      int account = plan.account() == null ? -1 : accountByUsername(plan.account());
      int tag = plan.hashtag() == null ? -1 : hashtags.find(plan.hashtag());
      if (account < 0 && tag < 0) {
        throw new IllegalArgumentException("burst names no known account or hashtag: " + plan);
      }
      long start = plan.at().getEpochSecond();
      bursts.add(
          new Burst(account, tag, start, start + plan.duration().getSeconds(), plan.multiplier()));
    }
    return bursts;
  }
}
