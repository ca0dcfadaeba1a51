package dev.sigil.flink.testing;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.flink.api.common.JobID;
import org.apache.flink.api.common.JobStatus;
import org.apache.flink.client.program.MiniClusterClient;
import org.apache.flink.configuration.BlobServerOptions;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.CoreOptions;
import org.apache.flink.configuration.JobManagerOptions;
import org.apache.flink.configuration.RestOptions;
import org.apache.flink.configuration.TaskManagerOptions;
import org.apache.flink.configuration.WebOptions;
import org.apache.flink.core.execution.SavepointFormatType;
import org.apache.flink.runtime.jobgraph.JobGraph;
import org.apache.flink.runtime.minicluster.MiniCluster;
import org.apache.flink.runtime.minicluster.MiniClusterConfiguration;

/**
 * A Flink MiniCluster in the test's JVM with a client, every endpoint bound to 127.0.0.1, its
 * temporary, upload and blob directories under the test's directory.
 */
public final class FlinkCluster implements AutoCloseable {
  private final MiniCluster cluster;
  private final MiniClusterClient client;

  private FlinkCluster(MiniCluster cluster, MiniClusterClient client) {
    this.cluster = cluster;
    this.client = client;
  }

  /**
   * Starts a cluster of one task manager.
   *
   * @param dir the cluster's directory
   * @param slots task slots (the highest parallelism a job may use)
   * @return the running cluster
   * @throws Exception when it cannot start
   */
  public static FlinkCluster start(Path dir, int slots) throws Exception {
    Configuration config = loopback(dir);
    MiniCluster cluster = new MiniCluster(new MiniClusterConfiguration.Builder()
        .setConfiguration(config)
        .setNumTaskManagers(1)
        .setNumSlotsPerTaskManager(slots)
        .build());
    cluster.start();
    return new FlinkCluster(cluster, new MiniClusterClient(config, cluster));
  }

  /**
   * Returns a configuration binding every endpoint to 127.0.0.1 (the REST endpoint on a free
   * port), with the temporary, upload and blob directories under {@code dir}.
   *
   * @param dir the cluster's directory
   * @return the configuration
   */
  public static Configuration loopback(Path dir) {
    Configuration config = new Configuration();
    config.set(RestOptions.BIND_ADDRESS, "127.0.0.1");
    config.set(RestOptions.ADDRESS, "127.0.0.1");
    config.set(RestOptions.BIND_PORT, "0");
    config.set(JobManagerOptions.BIND_HOST, "127.0.0.1");
    config.set(JobManagerOptions.ADDRESS, "127.0.0.1");
    config.set(TaskManagerOptions.BIND_HOST, "127.0.0.1");
    config.set(TaskManagerOptions.HOST, "127.0.0.1");
    config.set(CoreOptions.TMP_DIRS, dir.resolve("tmp").toString());
    config.set(WebOptions.UPLOAD_DIR, dir.resolve("upload").toString());
    config.set(BlobServerOptions.STORAGE_DIRECTORY, dir.resolve("blobs").toString());
    return config;
  }

  /**
   * Submits a job.
   *
   * @param job the job graph
   * @return its id
   * @throws Exception when submission fails
   */
  public JobID submit(JobGraph job) throws Exception {
    return client.submitJob(job).get(60, TimeUnit.SECONDS);
  }

  /**
   * Waits until every task of the job runs.
   *
   * @param job the job
   * @throws Exception on timeout or when the job ends
   */
  public void awaitRunning(JobID job) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (client.getJobStatus(job).get(10, TimeUnit.SECONDS) != JobStatus.RUNNING) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("job " + job + " did not start");
      }
      Thread.sleep(100);
    }
  }

  /**
   * Waits for the job to end and returns its final status.
   *
   * @param job the job
   * @param timeout the longest wait
   * @return the status
   * @throws Exception on timeout
   */
  public JobStatus await(JobID job, Duration timeout) throws Exception {
    try {
      client.requestJobResult(job).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      JobStatus status = client.getJobStatus(job).get(10, TimeUnit.SECONDS);
      cancel(job);
      throw new AssertionError("job " + job + " still " + status + " after " + timeout
          + " (cancelled)", e);
    }
    return client.getJobStatus(job).get(10, TimeUnit.SECONDS);
  }

  /**
   * Stops the job with a savepoint (without draining: sources stop where they are).
   *
   * @param job the job
   * @param dir where the savepoint goes
   * @return the savepoint's path
   * @throws Exception when it fails
   */
  public String stopWithSavepoint(JobID job, Path dir) throws Exception {
    return client.stopWithSavepoint(job, false, dir.toUri().toString(), SavepointFormatType.CANONICAL)
        .get(120, TimeUnit.SECONDS);
  }

  /**
   * Cancels a job.
   *
   * @param job the job
   * @throws Exception when it fails
   */
  public void cancel(JobID job) throws Exception {
    client.cancel(job).get(60, TimeUnit.SECONDS);
  }

  @Override
  public void close() {
    client.close();
    try {
      cluster.close();
    } catch (Exception e) {
      throw new IllegalStateException("cannot stop the Flink cluster", e);
    }
  }
}
