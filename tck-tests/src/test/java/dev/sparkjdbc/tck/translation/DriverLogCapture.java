package dev.sparkjdbc.tck.translation;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/** Every record down to FINE the driver logs (JUL, logger {@code dev.sparkjdbc}) while open. */
final class DriverLogCapture implements AutoCloseable {
  private final Logger driverLog = Logger.getLogger("dev.sparkjdbc");
  private final List<LogRecord> records = new CopyOnWriteArrayList<>();
  private final Handler handler =
      new Handler() {
        @Override
        public void publish(LogRecord r) {
          records.add(r);
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
      };

  private final Level levelBefore = driverLog.getLevel();

  DriverLogCapture() {
    driverLog.setLevel(Level.FINE);
    driverLog.addHandler(handler);
  }

  List<LogRecord> records() {
    return records;
  }

  @Override
  public void close() {
    driverLog.removeHandler(handler);
    driverLog.setLevel(levelBefore);
  }
}
