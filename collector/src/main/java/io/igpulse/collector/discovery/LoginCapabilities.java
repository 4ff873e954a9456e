package io.igpulse.collector.discovery;

import io.igpulse.events.LoginFlavour;
import java.util.List;

/**
 * What an account's login setup lets the collector do (GRAPH-API.md "Two flavours"): Facebook Login
 * has everything; Instagram Login (graph.instagram.com, Instagram user tokens) has insights and
 * mentions but no hashtag search and no business discovery. Pure.
 */
public final class LoginCapabilities {

  private LoginCapabilities() {}

  /** Whether an account registered with this flavour may search hashtags. */
  public static boolean canSearchHashtags(LoginFlavour flavour) {
    return flavour != LoginFlavour.INSTAGRAM_LOGIN;
  }

  /**
   * The hashtags the collector tracks for an account: all it asked for, or none under a login that
   * cannot search them (the API would refuse every search).
   */
  public static List<String> trackableHashtags(LoginFlavour flavour, List<String> wanted) {
    return canSearchHashtags(flavour) ? List.copyOf(wanted) : List.of();
  }
}
