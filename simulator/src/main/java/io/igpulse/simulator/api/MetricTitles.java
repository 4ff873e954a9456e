package io.igpulse.simulator.api;

import java.util.HashMap;
import java.util.Map;

/** Title and description of each metric, as insight answers carry them. */
public final class MetricTitles {

  /** A metric's human labels. */
  public record Labels(String title, String description) {}

  private static final Map<String, Labels> LABELS = new HashMap<>();

  static {
    put("impressions", "Impressions", "Total number of times the media object has been seen");
    put("engagement", "Engagement", "Total number of likes and comments on the media object");
    put("reach", "Reach", "Total number of unique accounts that have seen the media object");
    put("views", "Views", "Number of times the media was played or displayed");
    put("saved", "Saved", "Number of unique accounts that saved the media");
    put("likes", "Likes", "Number of likes on the media");
    put("comments", "Comments", "Number of comments on the media");
    put("shares", "Shares", "Number of times the media was shared");
    put("reposts", "Reposts", "Number of times the media was reposted");
    put(
        "total_interactions",
        "Interactions",
        "Likes, saves, comments and shares on the media, minus those undone");
    put(
        "profile_activity",
        "Profile activity",
        "Actions taken on the profile after seeing the media");
    put(
        "profile_visits",
        "Profile visits",
        "Number of times the profile was visited from the media");
    put("follows", "Follows", "Number of accounts that started following after seeing the media");
    put("navigation", "Navigation", "Forward taps, back taps, exits and swipes on the story");
    put("replies", "Replies", "Number of replies to the story");
    put("video_views", "Video views", "Number of times the video was viewed");
    put("plays", "Plays", "Number of times the reel started to play");
    put("clips_replays_count", "Replays", "Number of times the reel was played again");
    put("ig_reels_aggregated_all_plays_count", "Plays", "Plays on Instagram, initial and repeated");
    put(
        "ig_reels_avg_watch_time",
        "Average watch time",
        "Average time spent playing the reel, in milliseconds");
    put(
        "ig_reels_video_view_total_time",
        "Watch time",
        "Total time the reel was played, in milliseconds");
    put(
        "reels_skip_rate",
        "Skip rate",
        "Percentage of views that skipped the reel within the first seconds");
    put(
        "crossposted_views",
        "Cross-posted views",
        "Views of the reel on Instagram and Facebook together");
    put("facebook_views", "Facebook views", "Views of the cross-posted reel on Facebook");
    put("follower_count", "Follower count", "Number of new followers each day");
    put(
        "accounts_engaged",
        "Accounts engaged",
        "Number of accounts that interacted with the content");
    put("profile_views", "Profile views", "Number of times the profile was viewed");
    put("website_clicks", "Website clicks", "Number of taps on the website link in the profile");
    put("online_followers", "Online followers", "Followers online, per hour of the day");
    put("saves", "Saves", "Number of saves of the content");
    put("follows_and_unfollows", "Follows and unfollows", "Accounts that followed or unfollowed");
    put("profile_links_taps", "Profile links taps", "Taps on the links of the profile");
    put(
        "follower_demographics",
        "Follower demographics",
        "The demographic characteristics of followers, including countries, cities and gender distribution.");
    put(
        "engaged_audience_demographics",
        "Engaged audience demographics",
        "The demographic characteristics of the engaged audience.");
    put(
        "reached_audience_demographics",
        "Reached audience demographics",
        "The demographic characteristics of the reached audience.");
  }

  private MetricTitles() {}

  private static void put(String name, String title, String description) {
    LABELS.put(name, new Labels(title, description));
  }

  public static Labels of(String metric) {
    return LABELS.getOrDefault(metric, new Labels(metric, metric));
  }

  /** Account-level wording differs for reach; everything else shares the media labels. */
  public static Labels ofAccount(String metric) {
    if (metric.equals("reach")) {
      return new Labels(
          "Accounts reached",
          "The number of unique accounts that have seen your content, at least once, including in ads.");
    }
    return of(metric);
  }
}
