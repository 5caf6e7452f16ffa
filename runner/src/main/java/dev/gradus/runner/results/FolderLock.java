package dev.gradus.runner.results;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * The lock a process holds on a results folder while it writes there, so that a second {@code
 * gradus} process on the same folder is refused, naming the holder, instead of mixing its runs in.
 * It is an operating-system lock on {@code .gradus.lock}, which the system releases when the holder
 * exits, however it exits: a lock left by a killed process never blocks {@code --resume}. The file
 * itself says who holds it (PID, host, start time), for the message.
 */
public final class FolderLock implements AutoCloseable {
  private final FileChannel channel;
  private final FileLock lock;

  private FolderLock(FileChannel channel, FileLock lock) {
    this.channel = channel;
    this.lock = lock;
  }

  /**
   * Takes the lock of {@code layout}'s folder, which must exist.
   *
   * @throws FolderGuard.RefusedException when another process (or another suite in this one) holds
   *     it, naming the holder
   */
  public static FolderLock take(ResultsLayout layout) {
    Path file = layout.lock();
    FileChannel channel = null;
    try {
      channel =
          FileChannel.open(
              file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
      FileLock lock;
      try {
        lock = channel.tryLock();
      } catch (OverlappingFileLockException e) {
        lock = null;
      }
      if (lock == null) {
        String holder = holder(channel);
        channel.close();
        throw new FolderGuard.RefusedException(
            layout.dir()
                + " is in use by another gradus process ("
                + (holder.isBlank() ? "holder unknown" : holder)
                + "): wait for it to finish, or choose another folder with --out");
      }
      byte[] me = describeThisProcess().getBytes(StandardCharsets.UTF_8);
      channel.truncate(0);
      channel.write(ByteBuffer.wrap(me), 0);
      return new FolderLock(channel, lock);
    } catch (IOException e) {
      if (channel != null) {
        try {
          channel.close();
        } catch (IOException ignored) {
          // the lock failed already; that is the error to report
        }
      }
      throw new dev.gradus.runner.run.ResultsWriteException("cannot lock", file, e);
    }
  }

  private static String holder(FileChannel channel) throws IOException {
    ByteBuffer bytes = ByteBuffer.allocate(512);
    channel.read(bytes, 0);
    return new String(bytes.array(), 0, bytes.position(), StandardCharsets.UTF_8).strip();
  }

  static String describeThisProcess() {
    String host;
    try {
      host = InetAddress.getLocalHost().getHostName();
    } catch (IOException e) {
      host = "unknown host";
    }
    return "PID "
        + ProcessHandle.current().pid()
        + " on "
        + host
        + ", since "
        + Instant.ofEpochMilli(ManagementFactory.getRuntimeMXBean().getStartTime())
            .truncatedTo(ChronoUnit.SECONDS);
  }

  @Override
  public void close() {
    try {
      lock.release();
      channel.close();
    } catch (IOException e) {
      // released by the system when the process exits in any case
    }
  }
}
