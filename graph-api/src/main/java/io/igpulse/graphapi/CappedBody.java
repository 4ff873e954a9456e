package io.igpulse.graphapi;

import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Promise;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.streams.WriteStream;
import io.vertx.ext.web.codec.BodyCodec;
import io.vertx.ext.web.codec.spi.BodyStream;

/**
 * A response body codec that keeps at most {@code maxBytes}: the client buffers a whole body before
 * parsing it, so an answer without a bound (a proxy's error page streamed forever, a paging bug
 * returning everything) would otherwise take the heap. Beyond the cap the body fails with {@link
 * TooLargeException} as soon as the excess arrives, without keeping it.
 */
final class CappedBody implements BodyCodec<Buffer> {

  /** Largest Graph API body kept: the biggest legitimate answers (a 50-item batch) are ~1 MiB. */
  static final int MAX_BYTES = 8 * 1024 * 1024;

  private final long maxBytes;

  CappedBody(long maxBytes) {
    this.maxBytes = maxBytes;
  }

  /** A body that passed the cap; the message says how large the cap is. */
  static final class TooLargeException extends RuntimeException {
    TooLargeException(long maxBytes) {
      super("response body larger than " + maxBytes + " bytes, refused", null, false, false);
    }
  }

  @Override
  public BodyStream<Buffer> stream() {
    return new Stream();
  }

  private final class Stream implements BodyStream<Buffer> {
    private final Buffer body = Buffer.buffer();
    private final Promise<Buffer> result = Promise.promise();

    @Override
    public Future<Buffer> result() {
      return result.future();
    }

    @Override
    public void handle(Throwable failure) {
      result.tryFail(failure);
    }

    @Override
    public Future<Void> write(Buffer data) {
      if (result.future().isComplete()) {
        return Future.succeededFuture();
      }
      if (body.length() + (long) data.length() > maxBytes) {
        TooLargeException tooLarge = new TooLargeException(maxBytes);
        result.tryFail(tooLarge);
        return Future.failedFuture(tooLarge);
      }
      body.appendBuffer(data);
      return Future.succeededFuture();
    }

    @Override
    public Future<Void> end() {
      result.tryComplete(body);
      return Future.succeededFuture();
    }

    @Override
    public WriteStream<Buffer> exceptionHandler(Handler<Throwable> handler) {
      return this;
    }

    @Override
    public WriteStream<Buffer> setWriteQueueMaxSize(int maxSize) {
      return this;
    }

    @Override
    public boolean writeQueueFull() {
      return false;
    }

    @Override
    public WriteStream<Buffer> drainHandler(Handler<Void> handler) {
      return this;
    }
  }
}
