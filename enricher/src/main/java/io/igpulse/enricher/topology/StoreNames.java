package io.igpulse.enricher.topology;

/** Names of the enricher's stores and internal topics (part of its on-disk and Kafka footprint). */
public final class StoreNames {

  /** Per media of the task's accounts: the schedule (changelogged). */
  public static final String SCHEDULE = "refresh-schedule";

  /**
   * Per media igpulse does not own, keyed by media id: the public-counter schedule and every edge
   * that can read it (changelogged).
   */
  public static final String PUBLIC_SCHEDULE = "public-schedule";

  /** Per account: the start of the last API day whose account insights were published. */
  public static final String ACCOUNT_DAYS = "account-insight-days";

  /** The registrations of {@code instagram.accounts} (a global table: tokens and active flags). */
  public static final String ACCOUNTS = "accounts";

  /** The repartition of discoveries by followed account. */
  public static final String BY_ACCOUNT = "media-by-account";

  private StoreNames() {}

  static String scheduleKey(String account, String mediaId) {
    return account + "/" + mediaId;
  }
}
