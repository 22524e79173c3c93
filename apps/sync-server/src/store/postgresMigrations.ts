/**
 * Numbered schema steps of the PostgreSQL store, applied in order at start, each in its own
 * transaction, and recorded in `schema_migrations` (see `openPostgresPool`). Never edit a shipped
 * step: append a new one. The tables mirror `sqliteMigrations.ts`, with PostgreSQL's types:
 * `bytea` for Yjs states, `bigint` for times in milliseconds since the epoch, `bigserial` row ids.
 */
export const postgresMigrations: readonly string[] = [
  // 1: everything SQLite's steps 1 to 5 hold (issue 14).
  `
  CREATE TABLE documents (
    id text PRIMARY KEY,
    title text NOT NULL,
    workspace_id text,
    referential_id text,
    template_id text,
    created_at bigint NOT NULL,
    updated_at bigint NOT NULL,
    -- Creation order, the tie-break of the listing (SQLite's rowid).
    seq bigserial NOT NULL
  );
  CREATE INDEX documents_by_workspace ON documents (workspace_id);

  -- folded_up_to: the highest log row the snapshot holds. A fold that holds less (a slower
  -- process's) never replaces it, since the rows it lacks are gone.
  CREATE TABLE document_snapshots (
    doc_id text PRIMARY KEY REFERENCES documents (id) ON DELETE CASCADE,
    data bytea NOT NULL,
    updated_at bigint NOT NULL,
    folded_up_to bigint NOT NULL DEFAULT 0
  );
  CREATE TABLE document_updates (
    row_id bigserial PRIMARY KEY,
    doc_id text NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
    data bytea NOT NULL,
    created_at bigint NOT NULL
  );
  CREATE INDEX document_updates_by_doc ON document_updates (doc_id, row_id);

  CREATE TABLE review_snapshots (
    doc_id text PRIMARY KEY REFERENCES documents (id) ON DELETE CASCADE,
    data bytea NOT NULL,
    updated_at bigint NOT NULL,
    folded_up_to bigint NOT NULL DEFAULT 0
  );
  CREATE TABLE review_updates (
    row_id bigserial PRIMARY KEY,
    doc_id text NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
    data bytea NOT NULL,
    created_at bigint NOT NULL
  );
  CREATE INDEX review_updates_by_doc ON review_updates (doc_id, row_id);

  CREATE TABLE document_quarantine (
    doc_id text PRIMARY KEY REFERENCES documents (id) ON DELETE CASCADE,
    room text NOT NULL,
    reason text NOT NULL,
    quarantined_at bigint NOT NULL
  );

  CREATE TABLE submissions (
    id text PRIMARY KEY,
    document_id text NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
    name text NOT NULL,
    created_by text NOT NULL,
    created_at bigint NOT NULL,
    state bytea NOT NULL,
    seq bigserial NOT NULL
  );
  CREATE INDEX submissions_by_document ON submissions (document_id, created_at);

  CREATE TABLE users (
    id text PRIMARY KEY,
    email text NOT NULL UNIQUE,
    name text NOT NULL,
    password_hash text,
    is_admin boolean NOT NULL DEFAULT false,
    created_at bigint NOT NULL
  );
  CREATE TABLE sessions (
    token_hash text PRIMARY KEY,
    user_id text NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    created_at bigint NOT NULL,
    expires_at bigint NOT NULL
  );
  CREATE INDEX sessions_by_user ON sessions (user_id);
  CREATE TABLE api_tokens (
    id text PRIMARY KEY,
    token_hash text NOT NULL UNIQUE,
    user_id text NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    name text NOT NULL,
    created_at bigint NOT NULL,
    expires_at bigint,
    last_used_at bigint
  );
  CREATE INDEX api_tokens_by_user ON api_tokens (user_id);
  CREATE TABLE workspaces (
    id text PRIMARY KEY,
    name text NOT NULL,
    created_at bigint NOT NULL
  );
  CREATE TABLE memberships (
    workspace_id text NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
    user_id text NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    role text NOT NULL CHECK (role IN ('owner', 'editor', 'tutor', 'viewer')),
    created_at bigint NOT NULL,
    PRIMARY KEY (workspace_id, user_id)
  );
  CREATE INDEX memberships_by_user ON memberships (user_id);
  CREATE TABLE invitations (
    id text PRIMARY KEY,
    token_hash text NOT NULL UNIQUE,
    workspace_id text NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
    role text NOT NULL CHECK (role IN ('owner', 'editor', 'tutor', 'viewer')),
    created_by text NOT NULL,
    created_at bigint NOT NULL,
    expires_at bigint NOT NULL,
    accepted_by text,
    accepted_at bigint,
    revoked_at bigint
  );
  CREATE INDEX invitations_by_workspace ON invitations (workspace_id);
  CREATE TABLE audit_log (
    id bigserial PRIMARY KEY,
    at bigint NOT NULL,
    user_id text,
    action text NOT NULL,
    workspace_id text,
    document_id text,
    detail text
  );
  CREATE INDEX audit_by_document ON audit_log (document_id, id);
  `,
  // 2: sync tickets, which any instance may redeem (issue 14): hashes only, a minute each.
  `
  CREATE TABLE sync_tickets (
    hash text PRIMARY KEY,
    user_id text NOT NULL,
    room text NOT NULL,
    expires_at bigint NOT NULL
  );
  CREATE INDEX sync_tickets_by_expiry ON sync_tickets (expires_at);
  `,
  // 3: single sign-on (issue 17), as SQLite's step 6.
  `
  ALTER TABLE sessions ADD COLUMN id_token text;
  CREATE TABLE user_identities (
    issuer text NOT NULL,
    subject text NOT NULL,
    user_id text NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    created_at bigint NOT NULL,
    PRIMARY KEY (issuer, subject)
  );
  CREATE INDEX user_identities_by_user ON user_identities (user_id);
  `,
  // 4: version history (issue 16), as SQLite's step 7.
  `
  CREATE TABLE versions (
    id text PRIMARY KEY,
    document_id text NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
    kind text NOT NULL CHECK (kind IN ('auto', 'named', 'restore', 'submission')),
    name text,
    created_at bigint NOT NULL,
    created_by text,
    editors text NOT NULL,
    restored_from text,
    bytes bigint NOT NULL,
    encoding text NOT NULL,
    state bytea NOT NULL,
    seq bigserial NOT NULL
  );
  CREATE INDEX versions_by_document ON versions (document_id, created_at);
  `,
  // 5: the bin (« Corbeille », issue 16), as SQLite's step 8.
  `
  ALTER TABLE documents ADD COLUMN trashed_at bigint, ADD COLUMN trashed_by text;
  CREATE INDEX documents_trashed ON documents (trashed_at) WHERE trashed_at IS NOT NULL;
  `,
  // 6: mail outbox and password resets (issue 17), as SQLite's step 9.
  `
  CREATE TABLE mail_outbox (
    id text PRIMARY KEY,
    to_address text NOT NULL,
    subject text NOT NULL,
    text_body text NOT NULL,
    html_body text NOT NULL,
    created_at bigint NOT NULL,
    attempts integer NOT NULL DEFAULT 0,
    next_attempt_at bigint NOT NULL,
    locked_until bigint NOT NULL DEFAULT 0,
    last_error text
  );
  CREATE INDEX mail_outbox_due ON mail_outbox (next_attempt_at);
  CREATE TABLE password_resets (
    token_hash text PRIMARY KEY,
    user_id text NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    created_at bigint NOT NULL,
    expires_at bigint NOT NULL,
    used_at bigint
  );
  CREATE INDEX password_resets_by_user ON password_resets (user_id);
  `,
];
