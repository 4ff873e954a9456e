package io.igpulse.simulator.api;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.igpulse.simulator.api.auth.TokenInfo;
import io.igpulse.simulator.world.Account;
import io.igpulse.simulator.world.Ids;
import io.igpulse.simulator.world.Media;
import io.igpulse.simulator.world.World;
import java.util.Arrays;
import java.util.List;

/**
 * Discovery of accounts: {@code /me/accounts}, Page objects, {@code /{ig-user-id}} fields (with
 * {@code mentioned_media}) and the {@code tags} edge.
 */
public final class AccountEndpoints {

  private static final List<FieldSpec> ID_ONLY = FieldsParser.of("id");
  private static final List<FieldSpec> PAGE_DEFAULT = FieldsParser.of("id", "name");
  private static final int DEFAULT_LIMIT = 25;

  private final World world;
  private final MediaRenderer renderer;
  private final Links links;

  public AccountEndpoints(World world, MediaRenderer renderer, Links links) {
    this.world = world;
    this.renderer = renderer;
    this.links = links;
  }

  public ObjectNode meAccounts(Call call) {
    TokenInfo token = call.token();
    List<FieldSpec> fields = FieldsParser.parse(call.param("fields"), PAGE_DEFAULT);
    ObjectNode result = Json.object();
    ArrayNode data = result.putArray("data");
    switch (token.kind()) {
      case USER_WITHOUT_BUSINESS_MANAGEMENT -> {
        return result;
      }
      case PAGE -> {
        data.add(page(token.account(), fields));
        return result;
      }
      case SYSTEM_USER -> {
        int limit = Limits.pageSize(call.param("limit"), DEFAULT_LIMIT, 100);
        long offset = call.param("after") == null ? 0 : Cursors.decode("o", call.param("after"));
        if (offset < 0) {
          throw GraphErrors.invalidParameter("Invalid cursor").exception();
        }
        int end = (int) Math.min(world.accountCount(), offset + limit);
        for (int i = (int) offset; i < end; i++) {
          data.add(page(i, fields));
        }
        if (offset < end) {
          ObjectNode paging = result.putObject("paging");
          ObjectNode cursors = paging.putObject("cursors");
          cursors.put("before", Cursors.encode("o", offset));
          cursors.put("after", Cursors.encode("o", end));
          if (end < world.accountCount()) {
            paging.put("next", links.page(call, "after", Cursors.encode("o", end)));
          }
        }
        return result;
      }
      default -> throw new IllegalStateException("unhandled token kind " + token.kind());
    }
  }

  public ObjectNode page(int account, List<FieldSpec> fields) {
    Account a = world.account(account);
    ObjectNode node = Json.object();
    boolean hasId = false;
    for (FieldSpec field : fields) {
      switch (field.name()) {
        case "id" -> {
          node.put("id", Long.toString(a.pageId()));
          hasId = true;
        }
        case "name" -> node.put("name", a.pageName());
        case "category" -> node.put("category", "Brand");
        case "access_token" -> node.put("access_token", a.token());
        case "instagram_business_account" ->
            node.putObject("instagram_business_account").put("id", Long.toString(a.igUserId()));
        default -> throw GraphErrors.nonexistingField(field.name(), "Page").exception();
      }
    }
    if (!hasId) {
      node.put("id", Long.toString(a.pageId()));
    }
    return node;
  }

  public ObjectNode user(Call call, int account) {
    Account a = world.account(account);
    List<FieldSpec> fields = FieldsParser.parse(call.param("fields"), ID_ONLY);
    ObjectNode node = Json.object();
    boolean hasId = false;
    for (FieldSpec field : fields) {
      switch (field.name()) {
        case "id" -> {
          node.put("id", Long.toString(a.igUserId()));
          hasId = true;
        }
        case "ig_id" -> node.put("ig_id", 3_000_000_000L + account);
        case "username" -> node.put("username", a.username());
        case "name" -> node.put("name", a.name());
        case "biography" -> node.put("biography", a.name() + " on Instagram");
        case "website" -> node.put("website", "https://example.com/" + a.username());
        case "profile_picture_url" ->
            node.put(
                "profile_picture_url",
                "https://scontent.cdninstagram.com/v/t51.2885-19/" + a.igUserId() + "_n.jpg");
        case "followers_count" ->
            node.put("followers_count", world.followers(account, call.nowSec()));
        case "follows_count" -> node.put("follows_count", a.followsCount());
        case "media_count" ->
            node.put("media_count", world.schedule(account).postsVisibleAt(call.nowSec()));
        case "mentioned_media" -> node.set("mentioned_media", mentionedMedia(call, account, field));
        default -> throw GraphErrors.nonexistingField(field.name(), "IGUser").exception();
      }
    }
    if (!hasId) {
      node.put("id", Long.toString(a.igUserId()));
    }
    return node;
  }

  public ObjectNode tags(Call call, int account) {
    List<FieldSpec> fields = FieldsParser.parse(call.param("fields"), ID_ONLY);
    ObjectNode result = Json.object();
    ArrayNode data = result.putArray("data");
    for (long id : taggedNow(account, call.nowSec())) {
      data.add(renderer.render(world.findMedia(id), fields, call, MediaView.TAGGED));
    }
    return result;
  }

  private ObjectNode mentionedMedia(Call call, int account, FieldSpec field) {
    String idText = field.modifier("media_id");
    if (idText == null) {
      throw GraphErrors.invalidParameter("The parameter media_id is required").exception();
    }
    long id = Ids.parse(idText);
    for (long tagged : taggedNow(account, call.nowSec())) {
      if (tagged == id) {
        List<FieldSpec> fields = field.children() == null ? ID_ONLY : field.children();
        return renderer.render(world.findMedia(id), fields, call, MediaView.TAGGED);
      }
    }
    throw GraphErrors.objectDoesNotExist(idText).exception();
  }

  /** Tagged media that exist now, newest first. */
  private long[] taggedNow(int account, long nowSec) {
    return Arrays.stream(world.taggedIn(account))
        .mapToObj(world::findMedia)
        .filter(m -> m != null && m.createdSec() <= nowSec)
        .sorted((x, y) -> Long.compare(y.createdSec(), x.createdSec()))
        .mapToLong(Media::id)
        .distinct()
        .toArray();
  }
}
