package io.igpulse.simulator.api;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.igpulse.simulator.world.Ids;
import io.igpulse.simulator.world.Media;
import io.igpulse.simulator.world.MediaTotals;
import io.igpulse.simulator.world.Mix;
import io.igpulse.simulator.world.World;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Hashtag search and its edges. {@code recent_media} serves the last 24 h, 50 a page, in no time
 * order, without {@code username}, and pages with an {@code after} cursor that is the same on every
 * page: the position lives on the server, keyed by caller, tag and cursor.
 */
public final class HashtagEndpoints {

  public static final int RECENT_PAGE = 50;
  private static final long RECENT_WINDOW_SEC = 86_400L;
  private static final long TOP_WINDOW_SEC = 7 * 86_400L;
  private static final List<FieldSpec> ID_ONLY = FieldsParser.of("id");
  private static final int MAX_CURSORS = 10_000;

  private final World world;
  private final MediaRenderer renderer;
  private final Links links;
  private final HashtagQuota quota;
  private final Map<String, Integer> recentPositions =
      new LinkedHashMap<>(64, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Integer> eldest) {
          return size() > MAX_CURSORS;
        }
      };

  public HashtagEndpoints(World world, MediaRenderer renderer, Links links, HashtagQuota quota) {
    this.world = world;
    this.renderer = renderer;
    this.links = links;
    this.quota = quota;
  }

  /** The account the {@code user_id} parameter names; code 100 when missing or unknown. */
  public int userParam(Call call) {
    return userParam(world, call);
  }

  /** As {@link #userParam(Call)}, for the rate limiter, which must know the account first. */
  public static int userParam(World world, Call call) {
    String userId = call.param("user_id");
    if (userId == null || userId.isEmpty()) {
      throw GraphErrors.invalidParameter("The parameter user_id is required").exception();
    }
    long id = Ids.parse(userId);
    if (Ids.kind(id) != Ids.Kind.IG_USER || Ids.accountOfUser(id) >= world.accountCount()) {
      throw GraphErrors.objectDoesNotExist(userId).exception();
    }
    return Ids.accountOfUser(id);
  }

  public ObjectNode search(Call call, int account) {
    String q = call.param("q");
    if (q == null || q.isBlank()) {
      throw GraphErrors.invalidParameter("The parameter q is required").exception();
    }
    ObjectNode result = Json.object();
    ArrayNode data = result.putArray("data");
    int tag = world.hashtags().find(q);
    if (tag >= 0) {
      quota.search(account, tag, call.nowSec());
      data.addObject().put("id", Long.toString(Ids.hashtag(tag)));
    }
    return result;
  }

  public ObjectNode hashtag(Call call, int tag) {
    List<FieldSpec> fields =
        FieldsParser.parse(call.param("fields"), FieldsParser.of("id", "name"));
    ObjectNode node = Json.object();
    for (FieldSpec field : fields) {
      switch (field.name()) {
        case "id" -> node.put("id", Long.toString(Ids.hashtag(tag)));
        case "name" -> node.put("name", world.hashtags().name(tag));
        default -> throw GraphErrors.nonexistingField(field.name(), "IGHashtag").exception();
      }
    }
    return node;
  }

  public ObjectNode recentlySearched(Call call, int account) {
    List<FieldSpec> fields = FieldsParser.parse(call.param("fields"), ID_ONLY);
    boolean withName = fields.stream().anyMatch(f -> f.name().equals("name"));
    ObjectNode result = Json.object();
    ArrayNode data = result.putArray("data");
    for (int tag : quota.recent(account, call.nowSec())) {
      ObjectNode item = data.addObject();
      item.put("id", Long.toString(Ids.hashtag(tag)));
      if (withName) {
        item.put("name", world.hashtags().name(tag));
      }
    }
    return result;
  }

  public ObjectNode recentMedia(Call call, int account, int tag) {
    long now = call.nowSec();
    long[] ids = world.hashtagIndex().mediaBetween(tag, now - RECENT_WINDOW_SEC + 1, now);
    // "Not in time order": a fixed shuffle by id hash.
    Long[] shuffled = Arrays.stream(ids).boxed().toArray(Long[]::new);
    Arrays.sort(shuffled, Comparator.comparingLong(id -> Mix.hash(world.spec().seed(), id, 90)));
    int limit = Limits.pageSize(call.param("limit"), RECENT_PAGE, RECENT_PAGE);
    String cursor = Cursors.encode("h" + account + ":", tag);
    String key = account + "/" + tag + "/" + call.token().token();
    int offset;
    synchronized (recentPositions) {
      offset = cursor.equals(call.param("after")) ? recentPositions.getOrDefault(key, 0) : 0;
      recentPositions.put(key, Math.min(shuffled.length, offset + limit));
    }
    List<FieldSpec> fields = FieldsParser.parse(call.param("fields"), ID_ONLY);
    ObjectNode result = Json.object();
    ArrayNode data = result.putArray("data");
    int end = Math.min(shuffled.length, offset + limit);
    for (int i = offset; i < end; i++) {
      data.add(renderer.render(world.findMedia(shuffled[i]), fields, call, MediaView.HASHTAG));
    }
    ObjectNode paging = result.putObject("paging");
    paging.putObject("cursors").put("after", cursor);
    if (end < shuffled.length) {
      paging.put("next", links.page(call, "after", cursor));
    }
    return result;
  }

  public ObjectNode topMedia(Call call, int tag) {
    long now = call.nowSec();
    long[] ids = world.hashtagIndex().mediaBetween(tag, now - TOP_WINDOW_SEC + 1, now);
    record Ranked(Media media, long interactions) {}
    List<Ranked> ranked =
        Arrays.stream(ids)
            .mapToObj(world::findMedia)
            .map(
                m -> {
                  MediaTotals t = world.engagement().totals(m, now);
                  return new Ranked(m, t.likes() + t.comments());
                })
            .sorted(
                Comparator.comparingLong(Ranked::interactions)
                    .reversed()
                    .thenComparingLong(r -> r.media().id()))
            .limit(Limits.pageSize(call.param("limit"), RECENT_PAGE, RECENT_PAGE))
            .toList();
    List<FieldSpec> fields = FieldsParser.parse(call.param("fields"), ID_ONLY);
    ObjectNode result = Json.object();
    ArrayNode data = result.putArray("data");
    for (Ranked r : ranked) {
      data.add(renderer.render(r.media(), fields, call, MediaView.HASHTAG));
    }
    return result;
  }
}
