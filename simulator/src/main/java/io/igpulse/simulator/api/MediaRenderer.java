package io.igpulse.simulator.api;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.igpulse.simulator.world.Ids;
import io.igpulse.simulator.world.Media;
import io.igpulse.simulator.world.MediaTotals;
import io.igpulse.simulator.world.World;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Set;

/** Renders a media (or a carousel child) with the requested fields, nested ones included. */
public final class MediaRenderer {

  private static final DateTimeFormatter TIMESTAMP =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssZ").withZone(ZoneOffset.UTC);
  private static final List<FieldSpec> ID_ONLY = FieldsParser.of("id");

  /**
   * Owner-only fields: another account reading through an edge (tags, mentions, hashtags) gets the
   * public ones alone, and these are left out, as the real API leaves out {@code owner} for
   * non-owners. Insights are refused instead (see {@link #render}).
   */
  private static final Set<String> OWNER_ONLY_FIELDS =
      Set.of("shortcode", "thumbnail_url", "owner", "is_comment_enabled", "is_shared_to_feed");

  private final World world;
  private final MediaInsights insights;

  public MediaRenderer(World world, MediaInsights insights) {
    this.world = world;
    this.insights = insights;
  }

  public static String timestamp(long epochSec) {
    return TIMESTAMP.format(Instant.ofEpochSecond(epochSec));
  }

  /**
   * @param view who reads: the owner sees every field; others the public ones of the edge
   */
  public ObjectNode render(Media media, List<FieldSpec> fields, Call call, MediaView view) {
    ObjectNode node = Json.object();
    MediaTotals totals = null;
    boolean hasId = false;
    for (FieldSpec field : fields) {
      String name = field.name();
      if (!view.owner() && OWNER_ONLY_FIELDS.contains(name)) {
        continue;
      }
      switch (name) {
        case "id" -> {
          node.put("id", Long.toString(media.id()));
          hasId = true;
        }
        case "timestamp" -> node.put("timestamp", timestamp(media.createdSec()));
        case "media_type" -> node.put("media_type", media.kind().mediaType());
        case "media_product_type" -> node.put("media_product_type", media.kind().productType());
        case "caption" -> {
          String caption = world.captions().of(media);
          if (caption != null) {
            node.put("caption", caption);
          }
        }
        case "permalink" -> node.put("permalink", permalink(media));
        case "shortcode" -> node.put("shortcode", media.shortcode());
        case "like_count", "comments_count" -> {
          boolean hidden = name.equals("like_count") && !view.owner() && world.likesHidden(media);
          if (!media.isStory() && !hidden) {
            totals = totals == null ? world.engagement().totals(media, call.nowSec()) : totals;
            node.put(name, name.equals("like_count") ? totals.likes() : totals.comments());
          }
        }
        case "media_url" -> {
          if (!media.copyrighted()) {
            node.put("media_url", mediaUrl(media.id(), media.kind().isVideo()));
          }
        }
        case "thumbnail_url" -> {
          if (media.kind().isVideo()) {
            node.put("thumbnail_url", cdn(media.id()) + "_thumb.jpg");
          }
        }
        case "owner" ->
            node.putObject("owner").put("id", Long.toString(Ids.igUser(media.account())));
        case "username" -> {
          if (view != MediaView.HASHTAG) {
            node.put("username", world.account(media.account()).username());
          }
        }
        case "children" -> {
          if (media.childCount() > 0) {
            node.set(
                "children", children(media, field.children() == null ? ID_ONLY : field.children()));
          }
        }
        case "is_comment_enabled" -> node.put("is_comment_enabled", media.commentsEnabled());
        case "is_shared_to_feed" -> {
          if (media.kind().productType().equals("REELS")) {
            node.put("is_shared_to_feed", media.sharedToFeed());
          }
        }
        case "insights" -> {
          if (!view.owner()) {
            // Insights are the owner's alone, nested or not (unconfirmed wording: see README).
            throw GraphErrors.nonOwnerRead(Long.toString(media.id()));
          }
          renderInsights(node, media, field, call);
        }
        default -> throw GraphErrors.nonexistingField(name, "IGMedia").exception();
      }
    }
    if (!hasId) {
      node.put("id", Long.toString(media.id()));
    }
    return node;
  }

  /** A carousel child: a small media of its own, without insights. */
  public ObjectNode renderChild(Media parent, int index, List<FieldSpec> fields) {
    ObjectNode node = Json.object();
    long id = Ids.child(parent.id(), index);
    boolean video = parent.childIsVideo(index);
    boolean hasId = false;
    for (FieldSpec field : fields) {
      switch (field.name()) {
        case "id" -> {
          node.put("id", Long.toString(id));
          hasId = true;
        }
        case "media_type" -> node.put("media_type", video ? "VIDEO" : "IMAGE");
        case "media_url" -> node.put("media_url", mediaUrl(id, video));
        case "thumbnail_url" -> {
          if (video) {
            node.put("thumbnail_url", cdn(id) + "_thumb.jpg");
          }
        }
        case "timestamp" -> node.put("timestamp", timestamp(parent.createdSec()));
        case "permalink" -> node.put("permalink", permalink(parent) + "?img_index=" + (index + 1));
        case "shortcode" -> node.put("shortcode", parent.shortcode());
        case "owner" ->
            node.putObject("owner").put("id", Long.toString(Ids.igUser(parent.account())));
        case "username" -> node.put("username", world.account(parent.account()).username());
        default -> throw GraphErrors.nonexistingField(field.name(), "IGMedia").exception();
      }
    }
    if (!hasId) {
      node.put("id", Long.toString(id));
    }
    return node;
  }

  public ObjectNode children(Media media, List<FieldSpec> fields) {
    ObjectNode edge = Json.object();
    ArrayNode data = edge.putArray("data");
    for (int i = 0; i < media.childCount(); i++) {
      data.add(renderChild(media, i, fields));
    }
    return edge;
  }

  private void renderInsights(ObjectNode node, Media media, FieldSpec field, Call call) {
    String metric = field.modifier("metric");
    if (metric == null) {
      throw GraphErrors.invalidParameter(
              "The insights field requires a metric list: insights.metric(name,...)")
          .exception();
    }
    ArrayNode data =
        insights.data(media, metric, field.modifier("breakdown"), call.version(), call.nowSec());
    if (!data.isEmpty()) {
      node.putObject("insights").set("data", data);
    }
  }

  private String permalink(Media media) {
    return switch (media.kind().productType()) {
      case "REELS" -> "https://www.instagram.com/reel/" + media.shortcode() + "/";
      case "STORY" ->
          "https://instagram.com/stories/"
              + world.account(media.account()).username()
              + "/"
              + media.id()
              + "/";
      default -> "https://www.instagram.com/p/" + media.shortcode() + "/";
    };
  }

  private static String mediaUrl(long id, boolean video) {
    return cdn(id) + (video ? "_n.mp4" : "_n.jpg");
  }

  private static String cdn(long id) {
    return "https://scontent.cdninstagram.com/v/t51.29350-15/" + id;
  }
}
