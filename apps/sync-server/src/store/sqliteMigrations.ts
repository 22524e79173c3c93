/**
 * Numbered schema steps, applied in order and recorded in `PRAGMA user_version`. Never edit a
 * shipped step: append a new one.
 */
export const sqliteMigrations: readonly string[] = [
  `
  CREATE TABLE documents (
    id TEXT PRIMARY KEY,
    title TEXT NOT NULL,
    workspace_id TEXT,
    referential_id TEXT,
    template_id TEXT,
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL
  );
  CREATE TABLE document_snapshots (
    doc_id TEXT PRIMARY KEY REFERENCES documents(id) ON DELETE CASCADE,
    data BLOB NOT NULL,
    updated_at INTEGER NOT NULL
  );
  CREATE TABLE document_updates (
    row_id INTEGER PRIMARY KEY AUTOINCREMENT,
    doc_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    data BLOB NOT NULL,
    created_at INTEGER NOT NULL
  );
  CREATE INDEX document_updates_by_doc ON document_updates(doc_id, row_id);
  `,
  // 2: accounts, workspaces and the audit log (issue 4).
  `
  CREATE TABLE users (
    id TEXT PRIMARY KEY,
    email TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL,
    password_hash TEXT,
    is_admin INTEGER NOT NULL DEFAULT 0,
    created_at INTEGER NOT NULL
  );
  CREATE TABLE sessions (
    token_hash TEXT PRIMARY KEY,
    user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    created_at INTEGER NOT NULL,
    expires_at INTEGER NOT NULL
  );
  CREATE INDEX sessions_by_user ON sessions(user_id);
  CREATE TABLE api_tokens (
    id TEXT PRIMARY KEY,
    token_hash TEXT NOT NULL UNIQUE,
    user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    name TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    expires_at INTEGER,
    last_used_at INTEGER
  );
  CREATE TABLE workspaces (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    created_at INTEGER NOT NULL
  );
  CREATE TABLE memberships (
    workspace_id TEXT NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
    user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    role TEXT NOT NULL CHECK (role IN ('owner', 'editor', 'tutor', 'viewer')),
    created_at INTEGER NOT NULL,
    PRIMARY KEY (workspace_id, user_id)
  );
  CREATE INDEX memberships_by_user ON memberships(user_id);
  CREATE TABLE invitations (
    id TEXT PRIMARY KEY,
    token_hash TEXT NOT NULL UNIQUE,
    workspace_id TEXT NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
    role TEXT NOT NULL CHECK (role IN ('owner', 'editor', 'tutor', 'viewer')),
    created_by TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    expires_at INTEGER NOT NULL,
    accepted_by TEXT,
    accepted_at INTEGER,
    revoked_at INTEGER
  );
  CREATE TABLE audit_log (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    at INTEGER NOT NULL,
    user_id TEXT,
    action TEXT NOT NULL,
    workspace_id TEXT,
    document_id TEXT,
    detail TEXT
  );
  CREATE INDEX audit_by_document ON audit_log(document_id, id);
  CREATE INDEX documents_by_workspace ON documents(workspace_id);
  `,
  // 3: the review doc of each document (evidence links), in its own log (issue 3).
  `
  CREATE TABLE review_snapshots (
    doc_id TEXT PRIMARY KEY REFERENCES documents(id) ON DELETE CASCADE,
    data BLOB NOT NULL,
    updated_at INTEGER NOT NULL
  );
  CREATE TABLE review_updates (
    row_id INTEGER PRIMARY KEY AUTOINCREMENT,
    doc_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    data BLOB NOT NULL,
    created_at INTEGER NOT NULL
  );
  CREATE INDEX review_updates_by_doc ON review_updates(doc_id, row_id);
  `,
  // 4: submissions, frozen named versions a candidate hands to the tutor (issue 4).
  `
  CREATE TABLE submissions (
    id TEXT PRIMARY KEY,
    document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    name TEXT NOT NULL,
    created_by TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    state BLOB NOT NULL
  );
  CREATE INDEX submissions_by_document ON submissions(document_id, created_at);
  `,
  // 5: documents whose stored rows could not be read (issue 7). Only this table is written: the
  // unreadable rows stay exactly as they are, for the administrator to inspect or restore.
  `
  CREATE TABLE document_quarantine (
    doc_id TEXT PRIMARY KEY REFERENCES documents(id) ON DELETE CASCADE,
    room TEXT NOT NULL,
    reason TEXT NOT NULL,
    quarantined_at INTEGER NOT NULL
  );
  `,
  // 6: single sign-on (issue 17). A session opened through OpenID Connect keeps the provider's ID
  // token, the hint its logout needs; an account remembers the provider identities it was linked
  // to, so that a later change of e-mail at the provider still finds it.
  `
  ALTER TABLE sessions ADD COLUMN id_token TEXT;
  CREATE TABLE user_identities (
    issuer TEXT NOT NULL,
    subject TEXT NOT NULL,
    user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    created_at INTEGER NOT NULL,
    PRIMARY KEY (issuer, subject)
  );
  CREATE INDEX user_identities_by_user ON user_identities(user_id);
  `,
  // 7: version history (issue 16): full Yjs states, kept automatically and on demand. `editors`
  // is a JSON array of account ids; `bytes` the stored size, listed without reading the state;
  // `encoding` says how the state is written (versionRows.ts: `yjs+deflate`).
  `
  CREATE TABLE versions (
    id TEXT PRIMARY KEY,
    document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    kind TEXT NOT NULL CHECK (kind IN ('auto', 'named', 'restore', 'submission')),
    name TEXT,
    created_at INTEGER NOT NULL,
    created_by TEXT,
    editors TEXT NOT NULL,
    restored_from TEXT,
    bytes INTEGER NOT NULL,
    encoding TEXT NOT NULL,
    state BLOB NOT NULL
  );
  CREATE INDEX versions_by_document ON versions(document_id, created_at);
  `,
  // 8: the bin (« Corbeille », issue 16): a deleted document keeps its rows until restored or purged.
  `
  ALTER TABLE documents ADD COLUMN trashed_at INTEGER;
  ALTER TABLE documents ADD COLUMN trashed_by TEXT;
  CREATE INDEX documents_trashed ON documents(trashed_at) WHERE trashed_at IS NOT NULL;
  `,
  // 9: mail (issue 17). The outbox holds each message until the SMTP server accepted it, written
  // in the transaction of the event that causes it; a sent message is deleted (its link is a
  // credential). Password resets are kept by hash, single-use.
  `
  CREATE TABLE mail_outbox (
    id TEXT PRIMARY KEY,
    to_address TEXT NOT NULL,
    subject TEXT NOT NULL,
    text_body TEXT NOT NULL,
    html_body TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    attempts INTEGER NOT NULL DEFAULT 0,
    next_attempt_at INTEGER NOT NULL,
    locked_until INTEGER NOT NULL DEFAULT 0,
    last_error TEXT
  );
  CREATE INDEX mail_outbox_due ON mail_outbox(next_attempt_at);
  CREATE TABLE password_resets (
    token_hash TEXT PRIMARY KEY,
    user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    created_at INTEGER NOT NULL,
    expires_at INTEGER NOT NULL,
    used_at INTEGER
  );
  CREATE INDEX password_resets_by_user ON password_resets(user_id);
  `,
];
