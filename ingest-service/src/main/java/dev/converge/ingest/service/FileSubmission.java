package dev.converge.ingest.service;

import dev.converge.common.json.StrictFields;

/**
 * One file as the client sent it: {@code content} as a JSON string, or {@code contentBase64} carrying the raw
 * bytes (which must be UTF-8). Exactly one of the two is set.
 */
@StrictFields
public record FileSubmission(String path, String content, String contentBase64) {
}
