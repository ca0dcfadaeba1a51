package dev.sigil.benchmarks.events;

/**
 * The container (and Kubernetes pod) a generated event comes from.
 *
 * @param id the 64-hex-digit container id
 * @param name the container name
 * @param image the image reference
 * @param imageDigest the image digest
 * @param podName the pod name
 * @param podNamespace the pod namespace
 * @param podUid the pod UID
 * @param dev the device number of the container's root filesystem (overlay)
 */
public record GeneratedContainer(
    String id,
    String name,
    String image,
    String imageDigest,
    String podName,
    String podNamespace,
    String podUid,
    long dev) {}
