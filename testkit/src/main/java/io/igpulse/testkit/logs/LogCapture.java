package io.igpulse.testkit.logs;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.appender.AbstractAppender;
import org.apache.logging.log4j.core.config.Configuration;
import org.apache.logging.log4j.core.config.LoggerConfig;
import org.apache.logging.log4j.core.config.Property;

/**
 * Every log line written while installed, with its logger name and the full stack trace of any
 * exception, as text: what the no-secrets-leak tests search for tokens and secrets. Our own loggers
 * ({@code io.igpulse}) are opened to every level so that debug lines are searched too; libraries
 * keep their configured levels, as deployed. Closing restores the configuration.
 */
public final class LogCapture extends AbstractAppender implements AutoCloseable {

  private final ConcurrentLinkedQueue<String> lines = new ConcurrentLinkedQueue<>();

  private LogCapture() {
    super("igpulse-log-capture", null, null, true, Property.EMPTY_ARRAY);
  }

  public static LogCapture install() {
    LogCapture capture = new LogCapture();
    capture.start();
    LoggerContext ctx = (LoggerContext) LogManager.getContext(false);
    Configuration cfg = ctx.getConfiguration();
    cfg.addAppender(capture);
    for (LoggerConfig logger : cfg.getLoggers().values()) {
      logger.addAppender(capture, Level.ALL, null);
      if (logger.getName().startsWith("io.igpulse")) {
        logger.setLevel(Level.ALL);
      }
    }
    cfg.getRootLogger().addAppender(capture, Level.ALL, null);
    ctx.updateLoggers();
    return capture;
  }

  /** The lines captured so far. */
  public List<String> lines() {
    return List.copyOf(lines);
  }

  @Override
  public void append(LogEvent event) {
    StringBuilder line =
        new StringBuilder(event.getLoggerName())
            .append(' ')
            .append(event.getMessage().getFormattedMessage());
    if (event.getThrown() != null) {
      StringWriter trace = new StringWriter();
      event.getThrown().printStackTrace(new PrintWriter(trace));
      line.append(' ').append(trace);
    }
    lines.add(line.toString());
  }

  @Override
  public void close() {
    LoggerContext ctx = (LoggerContext) LogManager.getContext(false);
    Configuration cfg = ctx.getConfiguration();
    for (LoggerConfig logger : cfg.getLoggers().values()) {
      logger.removeAppender(getName());
    }
    cfg.getRootLogger().removeAppender(getName());
    ctx.reconfigure();
    stop();
  }
}
