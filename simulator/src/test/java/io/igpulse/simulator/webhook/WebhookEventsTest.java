package io.igpulse.simulator.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import io.igpulse.simulator.world.Media;
import io.igpulse.simulator.world.World;
import io.igpulse.simulator.world.WorldSpec;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class WebhookEventsTest {

  private final World world = new World(WorldSpec.of(42, 30), List.of());
  private final long start = world.spec().start().getEpochSecond();

  @Test
  void shouldNotifyStoryInsightsWhenAStoryExpiresInTheLegacyShape() {
    WebhookEvents events = new WebhookEvents(world, StoryInsightsFields.LEGACY, 1000);

    List<WebhookEvent> raised =
        events.between(start, start + 86_400L, 30, Set.of("story_insights"));

    assertThat(raised).isNotEmpty();
    WebhookEvent first = raised.get(0);
    assertThat(first.field()).isEqualTo("story_insights");
    assertThat(first.value().fieldNames())
        .toIterable()
        .containsExactly(
            "media_id", "impressions", "reach", "taps_forward", "taps_back", "exits", "replies");
    Media story = world.findMedia(Long.parseLong(first.value().get("media_id").asText()));
    assertThat(first.timeSec()).isEqualTo(story.createdSec() + Media.STORY_LIFETIME_SEC);
    assertThat(first.envelope().toString())
        .startsWith(
            "{\"object\":\"instagram\",\"entry\":[{\"id\":\""
                + first.igUserId()
                + "\",\"time\":"
                + first.timeSec()
                + ",\"changes\":[{\"field\":\"story_insights\",\"value\":{");
  }

  @Test
  void shouldNotifyCommentsOnlyForNewCommentsInTheInterval() {
    WebhookEvents events = new WebhookEvents(world, StoryInsightsFields.CURRENT, 1000);

    List<WebhookEvent> raised = events.between(start, start + 600, 30, Set.of("comments"));
    List<WebhookEvent> none = events.between(start + 600, start + 600, 30, Set.of("comments"));

    assertThat(raised)
        .allSatisfy(
            e -> {
              assertThat(e.field()).isEqualTo("comments");
              assertThat(e.value().fieldNames())
                  .toIterable()
                  .containsExactly("id", "from", "text", "media");
            });
    assertThat(none).isEmpty();
  }
}
