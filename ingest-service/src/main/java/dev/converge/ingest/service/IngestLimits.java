package dev.converge.ingest.service;

/** Size limits of one submission; beyond them it is refused with 413 before anything is stored. */
public record IngestLimits(int maxFiles, long maxTotalBytes, long maxCustomRulesBytes) {
}
