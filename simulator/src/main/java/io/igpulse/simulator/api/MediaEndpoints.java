package io.igpulse.simulator.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.igpulse.simulator.world.Media;
import java.util.List;

/** {@code /{media-id}} fields, its {@code children} edge and its {@code insights}. */
final class MediaEndpoints {

  private static final List<FieldSpec> ID_ONLY = FieldsParser.of("id");

  private final MediaRenderer renderer;
  private final MediaInsights insights;

  MediaEndpoints(MediaRenderer renderer, MediaInsights insights) {
    this.renderer = renderer;
    this.insights = insights;
  }

  ObjectNode fields(Call call, Media media) {
    return renderer.render(
        media, FieldsParser.parse(call.param("fields"), ID_ONLY), call, MediaView.OWNER);
  }

  ObjectNode child(Call call, Media parent, int index) {
    return renderer.renderChild(parent, index, FieldsParser.parse(call.param("fields"), ID_ONLY));
  }

  ObjectNode children(Call call, Media media) {
    return renderer.children(media, FieldsParser.parse(call.param("fields"), ID_ONLY));
  }

  ObjectNode insights(Call call, Media media) {
    ObjectNode result = Json.object();
    result.set(
        "data",
        insights.data(
            media, call.param("metric"), call.param("breakdown"), call.version(), call.nowSec()));
    return result;
  }
}
