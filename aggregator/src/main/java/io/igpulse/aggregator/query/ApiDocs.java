package io.igpulse.aggregator.query;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.StaticHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * The query API's contract: the OpenAPI document at {@code /openapi.json} (a resource, written by
 * hand and checked against the router by a test) and Swagger UI at {@code /docs}, served from the
 * swagger-ui WebJar on the classpath so the page works without a CDN.
 */
final class ApiDocs {

  /** The OpenAPI document on the classpath. */
  static final String DOCUMENT = "openapi/openapi.json";

  /** Swagger UI's files inside its WebJar; the version is the pom's. */
  static final String SWAGGER_UI = "META-INF/resources/webjars/swagger-ui/5.35.0";

  /** Our own page: the WebJar's index points at a demo document, ours at /openapi.json. */
  private static final String DOCS_PAGE = "swagger/index.html";

  private ApiDocs() {}

  static void mount(Router router) {
    Buffer document = resource(DOCUMENT);
    Buffer page = resource(DOCS_PAGE);
    router
        .get("/openapi.json")
        .handler(
            ctx ->
                ctx.response()
                    .putHeader(HttpHeaders.CONTENT_TYPE, "application/json")
                    .end(document));
    // Vert.x matches "/docs" with and without the trailing slash; the page's links are absolute.
    router
        .get("/docs")
        .handler(
            ctx ->
                ctx.response()
                    .putHeader(HttpHeaders.CONTENT_TYPE, "text/html; charset=utf-8")
                    .end(page));
    router.get("/docs/*").handler(StaticHandler.create(SWAGGER_UI));
  }

  static Buffer resource(String name) {
    try (InputStream in = ApiDocs.class.getClassLoader().getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + name);
      }
      return Buffer.buffer(in.readAllBytes());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
