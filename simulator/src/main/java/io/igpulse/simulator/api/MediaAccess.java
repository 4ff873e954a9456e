package io.igpulse.simulator.api;

import io.igpulse.simulator.api.auth.TokenInfo;

/**
 * Whose media a token may read directly. Only the owner may query an IG Media (its fields, children
 * or insights): a Page token reads the media of the one IG account linked to its Page, a
 * system-user token those of every Page its business manages (here, all of them), a user token
 * without business_management manages no Page and reads none.
 */
public final class MediaAccess {

  private MediaAccess() {}

  public static boolean mayRead(TokenInfo token, int owner) {
    return switch (token.kind()) {
      case PAGE -> token.account() == owner;
      case SYSTEM_USER -> true;
      case USER_WITHOUT_BUSINESS_MANAGEMENT -> false;
    };
  }
}
