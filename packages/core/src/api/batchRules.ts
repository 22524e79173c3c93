/**
 * What the server accepts in one batched tRPC request (`/trpc/a,b,c?batch=1`), written once for
 * the server, which enforces it, and the clients, which must not send what it refuses.
 */

/** Calls in one batch; more and the whole request is refused. */
export const MAX_BATCH_CALLS = 16;

/**
 * The procedures that answer without a signed-in user. They are never batched: each one, a login
 * above all, must be one request that the limits on anonymous clients see as one.
 */
export const ANONYMOUS_PROCEDURES: readonly string[] = ['health', 'auth.status', 'auth.signUp', 'auth.logIn', 'auth.requestPasswordReset', 'auth.resetPassword', 'workspaces.previewInvitation'];
