package dev.sigil.flink.job;

import java.nio.file.Path;
import org.apache.flink.configuration.BlobServerOptions;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.CoreOptions;
import org.apache.flink.configuration.JobManagerOptions;
import org.apache.flink.configuration.RestOptions;
import org.apache.flink.configuration.RestartStrategyOptions;
import org.apache.flink.configuration.TaskManagerOptions;
import org.apache.flink.configuration.WebOptions;
import org.jspecify.annotations.Nullable;

/**
 * The embedded cluster's configuration: everything bound to loopback (its REST endpoint on a
 * free port), and a bounded restart strategy so that a job that keeps failing ends.
 */
final class LocalCluster {
  private LocalCluster() {}

  /**
   * Returns the configuration.
   *
   * @param workDir where temporary files, uploads and blobs go; null for the JVM's temp dir
   * @return a new configuration
   */
  static Configuration configuration(@Nullable Path workDir) {
    Configuration config = new Configuration();
    config.set(RestOptions.BIND_ADDRESS, "127.0.0.1");
    config.set(RestOptions.ADDRESS, "127.0.0.1");
    config.set(RestOptions.BIND_PORT, "0");
    config.set(JobManagerOptions.BIND_HOST, "127.0.0.1");
    config.set(JobManagerOptions.ADDRESS, "127.0.0.1");
    config.set(TaskManagerOptions.BIND_HOST, "127.0.0.1");
    config.set(TaskManagerOptions.HOST, "127.0.0.1");
    config.set(RestartStrategyOptions.RESTART_STRATEGY, "fixed-delay");
    config.set(RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_ATTEMPTS, 3);
    if (workDir != null) {
      config.set(CoreOptions.TMP_DIRS, workDir.resolve("tmp").toString());
      config.set(WebOptions.UPLOAD_DIR, workDir.resolve("upload").toString());
      config.set(BlobServerOptions.STORAGE_DIRECTORY, workDir.resolve("blobs").toString());
    }
    return config;
  }
}
