package dev.converge.common.auth;

/** Role names service accounts can hold. {@code admin} implies every other role. */
public final class Roles {
    public static final String SUBMITTER = "submitter";
    public static final String VIEWER = "viewer";
    public static final String APPROVER = "approver";
    public static final String ADMIN = "admin";

    private Roles() {
    }
}
