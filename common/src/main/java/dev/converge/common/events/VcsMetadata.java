package dev.converge.common.events;

/** Where a submission comes from; every field is optional. */
public record VcsMetadata(String repository, String pullRequest, String commit, String author) {
    public static final VcsMetadata NONE = new VcsMetadata(null, null, null, null);
}
