package io.igpulse.simulator.world;

/**
 * One Instagram Business/Creator account and the Facebook Page it is linked to. Immutable: what
 * moves (followers, media, engagement) is computed from these constants and the clock.
 *
 * @param businessSinceSec when the account last became a business account; older media have no
 *     insights (100 / 2108006)
 * @param quietReplies audiences (EU, Japan) for which story {@code replies} are always 0
 * @param dailyImpressions the impressions figure the BUC budget is computed from
 * @param hidesLikeCounts the owner hides like counts on all its media: {@code like_count} is
 *     omitted wherever another account reads them (tags, mentions, hashtags)
 */
public record Account(
    int index,
    long igUserId,
    long pageId,
    long businessId,
    String username,
    String name,
    String pageName,
    int baseFollowers,
    double followerGrowthPerDay,
    int followsCount,
    long businessSinceSec,
    boolean quietReplies,
    int dailyImpressions,
    String token,
    long tokenIssuedSec,
    boolean hidesLikeCounts) {}
