package io.igpulse.simulator.api;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.igpulse.simulator.world.AccountMedia;
import io.igpulse.simulator.world.Ids;
import io.igpulse.simulator.world.Media;
import io.igpulse.simulator.world.World;
import java.util.List;

/**
 * {@code /{ig-user-id}/media} and {@code /stories}: newest first, cursor paged by media id so that
 * pages stay stable while new media appear; only the newest 10,000 posts are reachable.
 */
public final class MediaListing {

  public static final int REACHABLE_POSTS = 10_000;
  public static final int MAX_LIMIT = 100;
  private static final int DEFAULT_LIMIT = 25;
  private static final List<FieldSpec> ID_ONLY = FieldsParser.of("id");

  private final World world;
  private final MediaRenderer renderer;
  private final Links links;

  public MediaListing(World world, MediaRenderer renderer, Links links) {
    this.world = world;
    this.renderer = renderer;
    this.links = links;
  }

  public ObjectNode posts(Call call, int account) {
    AccountMedia schedule = world.schedule(account);
    int visible = schedule.postsVisibleAt(call.nowSec());
    int oldest = Math.max(0, visible - REACHABLE_POSTS);
    return page(call, account, false, oldest, visible);
  }

  public ObjectNode stories(Call call, int account) {
    AccountMedia schedule = world.schedule(account);
    int created = schedule.storiesCreatedBy(call.nowSec());
    int live = created;
    while (live > 0
        && schedule.storyCreatedSec(live - 1) > call.nowSec() - Media.STORY_LIFETIME_SEC) {
      live--;
    }
    return page(call, account, true, live, created);
  }

  /** Items are ordinals [from, to) listed from to-1 down to from. */
  private ObjectNode page(Call call, int account, boolean stories, int from, int to) {
    List<FieldSpec> fields = FieldsParser.parse(call.param("fields"), ID_ONLY);
    int limit = Limits.pageSize(call.param("limit"), DEFAULT_LIMIT, MAX_LIMIT);
    int top = to - 1;
    String after = call.param("after");
    String before = call.param("before");
    if (after != null) {
      top = Math.min(top, cursorIndex(after, account, stories) - 1);
    } else if (before != null) {
      // The page just newer than the cursor, still listed newest first.
      top = Math.min(top, cursorIndex(before, account, stories) + limit);
    }
    ObjectNode result = Json.object();
    ArrayNode data = result.putArray("data");
    int index = top;
    for (; index >= from && data.size() < limit; index--) {
      Media media = stories ? world.story(account, index) : world.post(account, index);
      data.add(renderer.render(media, fields, call, MediaView.OWNER));
    }
    if (data.isEmpty()) {
      return result;
    }
    ObjectNode paging = result.putObject("paging");
    ObjectNode cursors = paging.putObject("cursors");
    String first = Cursors.encode("m", mediaId(account, top, stories));
    String last = Cursors.encode("m", mediaId(account, index + 1, stories));
    cursors.put("before", first);
    cursors.put("after", last);
    if (top < to - 1) {
      paging.put("previous", links.page(call, "before", first));
    }
    if (index >= from) {
      paging.put("next", links.page(call, "after", last));
    }
    return result;
  }

  private static int cursorIndex(String cursor, int account, boolean stories) {
    long id = Cursors.decode("m", cursor);
    if (id < 0 || Ids.kind(id) != Ids.Kind.MEDIA || Ids.accountOfMedia(id) != account) {
      throw GraphErrors.invalidParameter("Invalid cursor").exception();
    }
    return ordinalIndex(id, stories);
  }

  private static int ordinalIndex(long mediaId, boolean stories) {
    int ordinal = Ids.ordinalOfMedia(mediaId);
    return stories ? ordinal - Ids.STORY_ORDINAL_BASE : ordinal;
  }

  private static long mediaId(int account, int index, boolean stories) {
    return Ids.media(account, stories ? Ids.STORY_ORDINAL_BASE + index : index);
  }
}
