package io.igpulse.simulator.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.igpulse.simulator.world.Ids;
import io.igpulse.simulator.world.Media;
import io.igpulse.simulator.world.World;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** Maps a versionless path to a {@link Route}; objects are looked up when the handler runs. */
final class Router {

  private final World world;
  private final Handlers h;

  Router(World world, Handlers handlers) {
    this.world = world;
    this.h = handlers;
  }

  Route route(String path) {
    String[] seg = segments(path);
    if (seg.length == 0) {
      throw GraphErrors.unknownPath(path).exception();
    }
    String root = seg[0];
    String edge = seg.length > 1 ? seg[1] : null;
    if (seg.length > 2) {
      throw GraphErrors.unknownPath(path).exception();
    }
    switch (root) {
      case "me" -> {
        if ("accounts".equals(edge)) {
          return new Route(Endpoint.ME_ACCOUNTS, Route.Charge.PLATFORM, -1, h.accounts::meAccounts);
        }
        throw GraphErrors.unknownPath(path).exception();
      }
      case "ig_hashtag_search" -> {
        return only(
            edge,
            path,
            new Route(
                Endpoint.HASHTAG_SEARCH,
                Route.Charge.HASHTAG,
                -1,
                c -> h.hashtags.search(c, h.hashtags.userParam(c))));
      }
      case "refresh_access_token" -> {
        return only(
            edge,
            path,
            new Route(Endpoint.REFRESH_ACCESS_TOKEN, Route.Charge.PLATFORM, -1, h::refresh));
      }
      default -> {
        return object(root, edge, path);
      }
    }
  }

  private Route object(String root, String edge, String path) {
    long id = Ids.parse(root);
    switch (Ids.kind(id)) {
      case IG_USER -> {
        int account = Ids.accountOfUser(id);
        if (account >= world.accountCount()) {
          break;
        }
        if (edge == null) {
          return buc(Endpoint.USER, account, c -> h.accounts.user(c, account));
        }
        return switch (edge) {
          case "media" ->
              owned(Endpoint.USER_MEDIA, account, root, c -> h.listing.posts(c, account));
          case "stories" ->
              owned(Endpoint.USER_STORIES, account, root, c -> h.listing.stories(c, account));
          case "tags" -> buc(Endpoint.USER_TAGS, account, c -> h.accounts.tags(c, account));
          case "insights" ->
              buc(Endpoint.USER_INSIGHTS, account, c -> h.accountInsights.answer(c, account));
          case "recently_searched_hashtags" ->
              buc(
                  Endpoint.RECENTLY_SEARCHED_HASHTAGS,
                  account,
                  c -> h.hashtags.recentlySearched(c, account));
          default -> throw GraphErrors.nonexistingField(edge, "IGUser").exception();
        };
      }
      case PAGE -> {
        int account = Ids.accountOfPage(id);
        if (account >= world.accountCount() || edge != null) {
          break;
        }
        return new Route(
            Endpoint.PAGE,
            Route.Charge.PLATFORM,
            -1,
            c ->
                h.accounts.page(
                    account, FieldsParser.parse(c.param("fields"), FieldsParser.of("id", "name"))));
      }
      case MEDIA -> {
        int account = Ids.accountOfMedia(id);
        if (account >= world.accountCount()) {
          break;
        }
        if (edge == null) {
          return owned(Endpoint.MEDIA, account, root, c -> h.media.fields(c, live(root, c)));
        }
        return switch (edge) {
          case "insights" ->
              owned(
                  Endpoint.MEDIA_INSIGHTS, account, root, c -> h.media.insights(c, live(root, c)));
          case "children" ->
              owned(
                  Endpoint.MEDIA_CHILDREN, account, root, c -> h.media.children(c, live(root, c)));
          default -> throw GraphErrors.nonexistingField(edge, "IGMedia").exception();
        };
      }
      case CHILD -> {
        long parentId = Ids.parentOfChild(id);
        int account = Ids.accountOfMedia(parentId);
        if (account >= world.accountCount()) {
          break;
        }
        int index = Ids.indexOfChild(id);
        if (edge == null) {
          return owned(
              Endpoint.MEDIA,
              account,
              root,
              c -> h.media.child(c, liveChild(root, parentId, index, c), index));
        }
        if (edge.equals("insights")) {
          return owned(
              Endpoint.MEDIA_INSIGHTS,
              account,
              root,
              c -> {
                liveChild(root, parentId, index, c);
                throw GraphErrors.invalidParameter(
                        "Media Insights are not available for carousel children")
                    .exception();
              });
        }
        throw GraphErrors.nonexistingField(edge, "IGMedia").exception();
      }
      case HASHTAG -> {
        int tag = Ids.hashtagIndex(id);
        if (tag >= world.hashtags().size()) {
          break;
        }
        if (edge == null) {
          return new Route(
              Endpoint.HASHTAG, Route.Charge.PLATFORM, -1, c -> h.hashtags.hashtag(c, tag));
        }
        return switch (edge) {
          case "recent_media" ->
              new Route(
                  Endpoint.HASHTAG_RECENT_MEDIA,
                  Route.Charge.HASHTAG,
                  -1,
                  c -> h.hashtags.recentMedia(c, h.hashtags.userParam(c), tag));
          case "top_media" ->
              new Route(
                  Endpoint.HASHTAG_TOP_MEDIA,
                  Route.Charge.HASHTAG,
                  -1,
                  c -> h.hashtags.topMedia(c, tag));
          default -> throw GraphErrors.nonexistingField(edge, "IGHashtag").exception();
        };
      }
      default -> {
        // falls through to "does not exist"
      }
    }
    throw GraphErrors.objectDoesNotExist(root).exception();
  }

  /** Non-empty path segments, without a regex: this runs on every call. */
  private static String[] segments(String path) {
    List<String> parts = new ArrayList<>(3);
    int start = 0;
    for (int i = 0; i <= path.length(); i++) {
      if (i == path.length() || path.charAt(i) == '/') {
        if (i > start) {
          parts.add(path.substring(start, i));
        }
        start = i + 1;
      }
    }
    return parts.toArray(new String[0]);
  }

  private static Route buc(Endpoint endpoint, int account, Function<Call, JsonNode> handler) {
    return new Route(endpoint, Route.Charge.BUC, account, handler);
  }

  /** A BUC call on an object only its owner's token may read (media, and listings of them). */
  private static Route owned(
      Endpoint endpoint, int account, String object, Function<Call, JsonNode> handler) {
    return new Route(endpoint, Route.Charge.BUC, account, handler, object);
  }

  private static Route only(String edge, String path, Route route) {
    if (edge != null) {
      throw GraphErrors.unknownPath(path).exception();
    }
    return route;
  }

  private Media live(String idText, Call call) {
    Media media = world.findMedia(Ids.parse(idText));
    if (media == null || !media.isLiveAt(call.nowSec())) {
      throw GraphErrors.objectDoesNotExist(idText).exception();
    }
    return media;
  }

  private Media liveChild(String idText, long parentId, int index, Call call) {
    Media parent = world.findMedia(parentId);
    if (parent == null || !parent.isLiveAt(call.nowSec()) || index >= parent.childCount()) {
      throw GraphErrors.objectDoesNotExist(idText).exception();
    }
    return parent;
  }
}
