package io.igpulse.graphapi.paging;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.igpulse.graphapi.Fixtures;
import io.igpulse.graphapi.outcome.GraphResult;
import io.igpulse.graphapi.request.GraphCall;
import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PagingTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void shouldReadItemsAndATokenFreeNextLink() {
    String raw = Fixtures.text("media-list-paged.json").replace("REDACTED", "EAAsecrettoken");
    Page<JsonNode> page = Pager.page(parse(raw));
    assertThat(page.items()).hasSize(2);
    assertThat(page.next())
        .hasValueSatisfying(
            n -> assertThat(n).doesNotContain("EAAsecrettoken").doesNotContain("access_token"));
  }

  @Test
  void shouldStopWhenNextIsAbsentNotWhenAPageIsShort() {
    PageGuard guard = new PageGuard(100);
    assertThat(guard.accept(List.of("1"), "https://x/next1")).isTrue();
    assertThat(guard.accept(List.of("2"), null)).isFalse();
    assertThat(guard.stopReason()).isEqualTo("no next page");
  }

  @Test
  void shouldStopOnARepeatingCursorOnceNoNewIdsArrive() {
    PageGuard guard = new PageGuard(100);
    String same = "https://x/recent_media?after=SAME";
    assertThat(guard.accept(List.of("1", "2"), same)).isTrue();
    assertThat(guard.accept(List.of("2", "3"), same)).isTrue();
    assertThat(guard.accept(List.of("3", "1"), same)).isFalse();
    assertThat(guard.stopReason()).isEqualTo("page brought no new ids");
  }

  @Test
  void shouldFollowNextLinksWithoutTokensAndDropDuplicates() {
    List<GraphCall> asked = new ArrayList<>();
    List<String> pages =
        List.of(
            "{\"data\":[{\"id\":\"a\"},{\"id\":\"b\"}],\"paging\":{\"next\":\"https://graph.facebook.com/v24.0/1/media?access_token=EAAx1234567&after=c1\"}}",
            "{\"data\":[{\"id\":\"b\"},{\"id\":\"c\"}],\"paging\":{\"next\":\"https://graph.facebook.com/v24.0/1/media?access_token=EAAx1234567&after=c2\"}}",
            "{\"data\":[{\"id\":\"d\"}]}");
    Pager pager =
        new Pager(
            call -> {
              asked.add(call);
              return Future.succeededFuture(GraphResult.ok(parse(pages.get(asked.size() - 1))));
            });
    GraphResult<List<JsonNode>> result =
        pager.collect(new GraphCall("/1/media", Map.of(), "1", "user_media"), 100, 10).result();
    assertThat(result.value())
        .extracting(n -> n.path("id").asText())
        .containsExactly("a", "b", "c", "d");
    assertThat(asked).hasSize(3);
    assertThat(asked.get(1).path()).doesNotContain("EAAx1234567").endsWith("after=c1");
    assertThat(asked.get(1).account()).isEqualTo("1");
  }

  @Test
  void shouldRebaseAndRewriteUrls() {
    assertThat(
            Urls.rebase("https://graph.facebook.com/v24.0/1/media?after=x", "http://127.0.0.1:9"))
        .isEqualTo("http://127.0.0.1:9/v24.0/1/media?after=x");
    assertThat(Urls.withParam("http://h/p?fields=a%2Cb&after=x", "fields", "a"))
        .isEqualTo("http://h/p?fields=a&after=x");
    assertThat(Urls.param("http://h/p?fields=a%2Cb", "fields")).isEqualTo("a,b");
  }

  private static JsonNode parse(String s) {
    try {
      return JSON.readTree(s);
    } catch (Exception e) {
      throw new IllegalArgumentException(e);
    }
  }
}
