package dev.converge.common.events;

/** One desired-state SQL file as submitted by CI: its repository-relative path, content and SHA-256. */
public record StateFile(String path, String content, String sha256) {
}
