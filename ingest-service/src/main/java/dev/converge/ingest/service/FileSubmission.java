package dev.converge.ingest.service;

/**
 * One file as the client sent it: {@code content} as a JSON string, or {@code contentBase64} carrying the raw
 * bytes (which must be UTF-8). Exactly one of the two is set.
 */
public record FileSubmission(String path, String content, String contentBase64) {
}
