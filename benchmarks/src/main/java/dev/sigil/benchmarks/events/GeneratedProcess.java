package dev.sigil.benchmarks.events;

/**
 * The task a generated event comes from, as both its pid namespace and the host see it.
 *
 * @param processId the pid in its namespace
 * @param threadId the tid in its namespace
 * @param parentProcessId the parent pid in its namespace
 * @param hostProcessId the pid on the host
 * @param hostThreadId the tid on the host
 * @param hostParentProcessId the parent pid on the host
 * @param userId the uid
 * @param processName the comm (at most 15 characters)
 * @param executablePath the path of the running executable
 * @param cgroupId the cgroup id
 * @param mountNamespace the mount namespace inode
 * @param pidNamespace the pid namespace inode
 * @param threadStartTime when the thread started, nanoseconds since the epoch
 * @param threadEntityId Tracee's thread entity hash
 * @param processEntityId Tracee's process entity hash
 * @param parentEntityId Tracee's parent entity hash
 */
public record GeneratedProcess(
    int processId,
    int threadId,
    int parentProcessId,
    int hostProcessId,
    int hostThreadId,
    int hostParentProcessId,
    long userId,
    String processName,
    String executablePath,
    long cgroupId,
    long mountNamespace,
    long pidNamespace,
    long threadStartTime,
    long threadEntityId,
    long processEntityId,
    long parentEntityId) {}
