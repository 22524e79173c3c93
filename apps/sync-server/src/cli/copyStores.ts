import { reviewRoomOf } from '@canevas/core';
import * as Y from 'yjs';
import type { DocumentMetadata, QuarantineRecord, StoredDocument } from '../store/DocumentStore.js';
import type { Stores } from '../store/Stores.js';

/** How one kind of record went: what the source holds, what this run wrote, what was already there. */
export interface KindReport {
  /** French plural noun: « documents », « utilisateurs »… */
  label: string;
  /** The label is feminine (« invitations copiées »). */
  feminine: boolean;
  source: number;
  copied: number;
  /** Already in the target from an earlier run (checked, not written again). */
  present: number;
  /** Equal on both sides after the copy (counts, and the Yjs state for documents). */
  verified: number;
}

export interface CopyReport {
  kinds: KindReport[];
  /** What was not copied, or not exactly, in French. */
  warnings: string[];
  /** Differences found by the verification, in French; empty when the copy is faithful. */
  mismatches: string[];
}

/** The target holds data that is not an earlier copy of this source: copying would merge two instances. */
export class ForeignTargetError extends Error {
  override readonly name = 'ForeignTargetError';
}

export interface CopyOptions {
  /** Where progress lines go (the CLI writes them to stderr). */
  progress?: (line: string) => void;
  /** Audit entries read at once from each store (`AccountStore.readAudit`); tests make it small. */
  auditPageSize?: number;
}

/**
 * Copies every record of `source` into `target` through the store interfaces (so it works from
 * any engine to any other), then verifies the copy. Ids are the keys: a record already in the
 * target is checked, not written again, so a run interrupted anywhere is finished by running it
 * again. Sessions are not copied (people sign in again); API tokens and pending invitations are,
 * with their hashes (their last use and the used invitations are not).
 *
 * Each document's rooms are copied as one merged Yjs state (the document is created with its
 * content's state, in one transaction), except a quarantined document, whose stored rows cannot
 * be applied: they are copied as they are, and its quarantine record last, which marks it done.
 */
export async function copyStores(source: Stores, target: Stores, options: CopyOptions = {}): Promise<CopyReport> {
  const { progress = () => {}, auditPageSize } = options;
  await refuseForeignTarget(source, target);
  const warnings: string[] = [
    'Les sessions ne sont pas copiées : chacun se reconnecte une fois sur la nouvelle base.',
  ];
  const mismatches: string[] = [];
  const kinds: KindReport[] = [];
  const kind = (label: string, sourceCount: number, feminine = false): KindReport => {
    const report = { label, feminine, source: sourceCount, copied: 0, present: 0, verified: 0 };
    kinds.push(report);
    return report;
  };

  // Users, with their password hashes (read by email: the one method that returns the hash).
  const users = await source.accounts.listUsers();
  const userReport = kind('utilisateurs', users.length);
  for (const user of users) {
    if (await target.accounts.getUser(user.id)) {
      userReport.present++;
      continue;
    }
    const withPassword = await source.accounts.findUserByEmail(user.email);
    await target.accounts.createUser({ ...user, passwordHash: withPassword?.passwordHash ?? null });
    userReport.copied++;
  }
  userReport.verified = await countVerified(users, async (user) => {
    const copy = await target.accounts.findUserByEmail(user.email);
    const original = await source.accounts.findUserByEmail(user.email);
    return copy !== undefined && copy.id === user.id && copy.name === user.name && copy.isAdmin === user.isAdmin && copy.createdAt === user.createdAt && copy.passwordHash === original?.passwordHash;
  });

  // Workspaces, created without members; the memberships follow with their dates.
  const workspaces = (await source.accounts.listWorkspaces()).map((entry) => entry.workspace);
  const workspaceReport = kind('espaces de travail', workspaces.length);
  for (const workspace of workspaces) {
    if (await target.accounts.getWorkspace(workspace.id)) {
      workspaceReport.present++;
      continue;
    }
    await target.accounts.createOrphanWorkspace(workspace);
    workspaceReport.copied++;
  }
  workspaceReport.verified = await countVerified(workspaces, async (workspace) => {
    const copy = await target.accounts.getWorkspace(workspace.id);
    return copy?.name === workspace.name && copy.createdAt === workspace.createdAt;
  });

  const memberships = (await Promise.all(workspaces.map(async (workspace) => (await source.accounts.listMembers(workspace.id)).map((member) => ({ workspaceId: workspace.id, ...member }))))).flat();
  const membershipReport = kind('adhésions', memberships.length, true);
  for (const membership of memberships) {
    if ((await target.accounts.getRole(membership.workspaceId, membership.user.id)) === membership.role) {
      membershipReport.present++;
      continue;
    }
    await target.accounts.setMember(membership.workspaceId, membership.user.id, membership.role, membership.since);
    membershipReport.copied++;
  }
  const targetMembers = new Map<string, { role: string; since: number }>();
  for (const workspace of workspaces) {
    for (const member of await target.accounts.listMembers(workspace.id)) targetMembers.set(`${workspace.id} ${member.user.id}`, member);
  }
  membershipReport.verified = memberships.filter((membership) => {
    const copy = targetMembers.get(`${membership.workspaceId} ${membership.user.id}`);
    return copy?.role === membership.role && copy.since === membership.since;
  }).length;

  // Documents with both rooms, then their submissions.
  const documents = await source.documents.listDocuments();
  const quarantined = new Map((await source.documents.listQuarantined()).map((record) => [record.docId, record]));
  const documentReport = kind('documents', documents.length);
  const quarantineReport = kind('quarantaines', quarantined.size, true);
  for (const [index, document] of documents.entries()) {
    const record = quarantined.get(document.id);
    const outcome = record ? await copyQuarantined(source, target, document, record) : await copyDocument(source, target, document);
    if (outcome === 'copied') documentReport.copied++;
    else documentReport.present++;
    if (record) quarantineReport[outcome === 'copied' ? 'copied' : 'present']++;
    const problem = record ? await verifyQuarantined(source, target, document.id) : await verifyDocument(source, target, document);
    if (problem) mismatches.push(`Document ${document.id} (« ${document.title} ») : ${problem}.`);
    else documentReport.verified++;
    if ((index + 1) % 25 === 0 || index + 1 === documents.length) progress(`Documents : ${index + 1}/${documents.length}`);
  }
  const targetQuarantined = new Map((await target.documents.listQuarantined()).map((record) => [record.docId, record]));
  quarantineReport.verified = [...quarantined.values()].filter((record) => {
    const copy = targetQuarantined.get(record.docId);
    return copy?.room === record.room && copy.reason === record.reason && copy.quarantinedAt === record.quarantinedAt;
  }).length;

  const submissions = (await Promise.all(documents.map((document) => source.submissions.list(document.id)))).flat();
  const submissionReport = kind('dépôts', submissions.length);
  for (const submission of submissions) {
    if (await target.submissions.get(submission.id)) {
      submissionReport.present++;
      continue;
    }
    const withState = await source.submissions.get(submission.id);
    if (!withState) continue;
    await target.submissions.create(withState);
    submissionReport.copied++;
  }
  submissionReport.verified = await countVerified(submissions, async (submission) => {
    const [original, copy] = await Promise.all([source.submissions.get(submission.id), target.submissions.get(submission.id)]);
    return (
      copy !== undefined &&
      original !== undefined &&
      copy.documentId === original.documentId &&
      copy.name === original.name &&
      copy.createdBy === original.createdBy &&
      copy.createdAt === original.createdAt &&
      sameBytes(copy.state, original.state)
    );
  });

  const versions = (await Promise.all(documents.map((document) => source.versions.list(document.id)))).flat();
  const versionReport = kind('versions', versions.length, true);
  for (const version of versions) {
    if (await target.versions.get(version.id)) {
      versionReport.present++;
      continue;
    }
    const withState = await source.versions.get(version.id);
    if (!withState) continue;
    const { bytes: _bytes, ...copy } = withState;
    await target.versions.create(copy);
    versionReport.copied++;
  }
  versionReport.verified = await countVerified(versions, async (version) => {
    const [original, copy] = await Promise.all([source.versions.get(version.id), target.versions.get(version.id)]);
    if (!original || !copy) return false;
    const { state: originalState, ...originalFields } = original;
    const { state: copyState, ...copyFields } = copy;
    return JSON.stringify(copyFields) === JSON.stringify(originalFields) && sameBytes(copyState, originalState);
  });

  // The audit log has no ids: the copy is written oldest first, so an interrupted one is a
  // prefix. Both logs are read a page at a time, side by side, however long they are.
  const auditReport = kind('entrées du journal d’audit', 0, true);
  const targetEntries = target.accounts.readAudit({}, { pageSize: auditPageSize })[Symbol.asyncIterator]();
  let targetDone = false;
  for await (const entry of source.accounts.readAudit({}, { pageSize: auditPageSize })) {
    auditReport.source++;
    // Once the target's log is exhausted it is not read again: what follows is this run's copy.
    if (!targetDone && !(await targetEntries.next()).done) {
      auditReport.present++;
      continue;
    }
    targetDone = true;
    await target.accounts.audit(entry);
    auditReport.copied++;
  }
  if (!targetDone) await targetEntries.return?.();
  const copiedEntries = target.accounts.readAudit({}, { pageSize: auditPageSize })[Symbol.asyncIterator]();
  for await (const entry of source.accounts.readAudit({}, { pageSize: auditPageSize })) {
    const copy = await copiedEntries.next();
    if (!copy.done && JSON.stringify(copy.value) === JSON.stringify(entry)) auditReport.verified++;
  }
  let extraEntries = 0;
  while (!(await copiedEntries.next()).done) extraEntries++;
  if (extraEntries > 0) mismatches.push(`Journal d’audit : la cible a ${extraEntries} entrée(s) de plus que la source.`);
  if (auditReport.source > 0) progress(`Journal d’audit : ${auditReport.source} entrées`);

  // API tokens and invitations by their stored hashes: the same secrets keep working.
  const tokens = (await Promise.all(users.map((user) => source.accounts.listApiTokens(user.id)))).flat();
  const tokenReport = kind('jetons d’API', tokens.length);
  for (const token of tokens) {
    if (await target.accounts.getApiToken(token.id)) {
      tokenReport.present++;
      continue;
    }
    const tokenHash = await source.accounts.credentialHash('apiToken', token.id);
    if (tokenHash === undefined) continue;
    await target.accounts.createApiToken({ id: token.id, tokenHash, userId: token.userId, name: token.name, createdAt: token.createdAt, expiresAt: token.expiresAt });
    tokenReport.copied++;
  }
  tokenReport.verified = await countVerified(tokens, async (token) => {
    const copy = await target.accounts.getApiToken(token.id);
    return (
      copy?.userId === token.userId &&
      copy.name === token.name &&
      copy.createdAt === token.createdAt &&
      copy.expiresAt === token.expiresAt &&
      (await target.accounts.credentialHash('apiToken', token.id)) === (await source.accounts.credentialHash('apiToken', token.id))
    );
  });

  // Only the invitations still usable: used, revoked and expired ones are history, which the
  // interface cannot write back as it was (accepting one grants its role again).
  const now = Date.now();
  const invitations = (await Promise.all(workspaces.map((workspace) => source.accounts.listInvitations(workspace.id))))
    .flat()
    .filter((invitation) => invitation.acceptedAt === null && invitation.revokedAt === null && invitation.expiresAt > now);
  const historical = (await Promise.all(workspaces.map((workspace) => source.accounts.listInvitations(workspace.id)))).flat().length - invitations.length;
  if (historical > 0) warnings.push(`${historical} invitation(s) déjà utilisée(s), révoquée(s) ou expirée(s) non copiée(s) (historique).`);
  const invitationReport = kind('invitations en attente', invitations.length, true);
  const invitationIn = async (stores: Stores, workspaceId: string, id: string) => (await stores.accounts.listInvitations(workspaceId)).find((invitation) => invitation.id === id);
  for (const invitation of invitations) {
    if (await invitationIn(target, invitation.workspaceId, invitation.id)) {
      invitationReport.present++;
      continue;
    }
    const tokenHash = await source.accounts.credentialHash('invitation', invitation.id);
    if (tokenHash === undefined) continue;
    const { id, workspaceId, role, createdBy, createdAt, expiresAt } = invitation;
    await target.accounts.createInvitation({ id, tokenHash, workspaceId, role, createdBy, createdAt, expiresAt });
    invitationReport.copied++;
  }
  invitationReport.verified = await countVerified(invitations, async (invitation) => {
    const copy = await invitationIn(target, invitation.workspaceId, invitation.id);
    return (
      JSON.stringify(copy) === JSON.stringify(invitation) &&
      (await target.accounts.credentialHash('invitation', invitation.id)) === (await source.accounts.credentialHash('invitation', invitation.id))
    );
  });

  for (const report of kinds) {
    if (report.verified !== report.source) mismatches.push(`${capitalized(report.label)} : ${report.verified} vérifié${report.feminine ? 'e' : ''}s sur ${report.source}.`);
  }
  return { kinds, warnings, mismatches };
}

/**
 * Refuses a target that holds anything the source lacks: it is then another instance (or the
 * source was changed since a copy, which a re-run cannot reconcile). An earlier partial copy of
 * this source holds only records the source has, under the same ids.
 */
async function refuseForeignTarget(source: Stores, target: Stores): Promise<void> {
  const sourceDocuments = new Set((await source.documents.listDocuments()).map((document) => document.id));
  const strayDocument = (await target.documents.listDocuments()).find((document) => !sourceDocuments.has(document.id));
  const sourceUsers = new Map((await source.accounts.listUsers()).map((user) => [user.id, user.email]));
  const strayUser = (await target.accounts.listUsers()).find((user) => sourceUsers.get(user.id) !== user.email);
  const sourceWorkspaces = new Set((await source.accounts.listWorkspaces()).map((entry) => entry.workspace.id));
  const strayWorkspace = (await target.accounts.listWorkspaces()).find((entry) => !sourceWorkspaces.has(entry.workspace.id));
  const stray = strayDocument
    ? `le document ${strayDocument.id} (« ${strayDocument.title} »)`
    : strayUser
      ? `le compte ${strayUser.email}`
      : strayWorkspace
        ? `l’espace de travail ${strayWorkspace.workspace.id} (« ${strayWorkspace.workspace.name} »)`
        : undefined;
  if (stray) {
    throw new ForeignTargetError(
      `La base cible contient déjà des données d’une autre instance (${stray} n’existe pas dans la source). ` +
        'Indiquez une base vide (ou une copie interrompue de cette même source).',
    );
  }
}

async function countVerified<T>(items: readonly T[], check: (item: T) => Promise<boolean>): Promise<number> {
  let verified = 0;
  for (const item of items) if (await check(item)) verified++;
  return verified;
}

function docOf(stored: StoredDocument | undefined): Y.Doc {
  const doc = new Y.Doc();
  if (stored?.snapshot) Y.applyUpdate(doc, stored.snapshot);
  for (const { update } of stored?.updates ?? []) Y.applyUpdate(doc, update);
  return doc;
}

/** The document's rooms, as Y.Docs built from what `stores` holds. */
async function roomsOf(stores: Stores, id: string): Promise<{ content: Y.Doc; review: Y.Doc }> {
  const [content, review] = await Promise.all([stores.documents.loadDocument(id), stores.documents.loadDocument(reviewRoomOf(id))]);
  return { content: docOf(content), review: docOf(review) };
}

function hasState(doc: Y.Doc): boolean {
  return doc.store.clients.size > 0;
}

async function copyDocument(source: Stores, target: Stores, document: DocumentMetadata): Promise<'copied' | 'present'> {
  const from = await roomsOf(source, document.id);
  try {
    const existing = await target.documents.getDocument(document.id);
    if (!existing) {
      await target.documents.createDocument({ ...document, snapshot: Y.encodeStateAsUpdate(from.content) });
      if (hasState(from.review)) await target.documents.appendUpdates([{ room: reviewRoomOf(document.id), update: Y.encodeStateAsUpdate(from.review) }]);
    } else {
      // An earlier run stopped after creating it: add whatever each room still lacks (applying a
      // Yjs update twice changes nothing, so what is already there is not duplicated).
      const to = await roomsOf(target, document.id);
      try {
        for (const [room, original, copy] of [
          [document.id, from.content, to.content],
          [reviewRoomOf(document.id), from.review, to.review],
        ] as const) {
          if (sameState(original, copy)) continue;
          await target.documents.appendUpdates([{ room, update: Y.encodeStateAsUpdate(original, Y.encodeStateVector(copy)) }]);
        }
      } finally {
        to.content.destroy();
        to.review.destroy();
      }
    }
    // Appending to the content moved `updatedAt`; a rename sets the title and the source's time back.
    const copied = await target.documents.getDocument(document.id);
    if (copied?.title !== document.title || copied.updatedAt !== document.updatedAt) await target.documents.renameDocument(document.id, document.title, document.updatedAt);
    return existing ? 'present' : 'copied';
  } finally {
    from.content.destroy();
    from.review.destroy();
  }
}

/** Same state vector, and the same encoded state (the delete sets included). */
function sameState(a: Y.Doc, b: Y.Doc): boolean {
  return sameBytes(Y.encodeStateVector(a), Y.encodeStateVector(b)) && sameBytes(Y.encodeStateAsUpdate(a), Y.encodeStateAsUpdate(b));
}

async function verifyDocument(source: Stores, target: Stores, document: DocumentMetadata): Promise<string | undefined> {
  const copy = await target.documents.getDocument(document.id);
  if (!copy) return 'absent de la cible';
  for (const field of ['title', 'workspaceId', 'referentialId', 'templateId', 'createdAt', 'updatedAt'] as const) {
    if (copy[field] !== document[field]) return `${field} diffère`;
  }
  const [from, to] = await Promise.all([roomsOf(source, document.id), roomsOf(target, document.id)]);
  try {
    if (!sameState(from.content, to.content)) return 'le contenu (état Yjs) diffère';
    if (!sameState(from.review, to.review)) return 'la relecture (état Yjs) diffère';
    return undefined;
  } finally {
    for (const doc of [from.content, from.review, to.content, to.review]) doc.destroy();
  }
}

/** Every stored row of a room, snapshot first, as bytes (a quarantined room cannot be applied). */
function rowsOf(stored: StoredDocument | undefined): Uint8Array[] {
  return [...(stored?.snapshot ? [stored.snapshot] : []), ...(stored?.updates ?? []).map((row) => row.update)];
}

async function sourceRows(source: Stores, id: string): Promise<{ content: Uint8Array[]; review: Uint8Array[] }> {
  const [content, review] = await Promise.all([source.documents.loadDocument(id), source.documents.loadDocument(reviewRoomOf(id))]);
  return { content: rowsOf(content), review: rowsOf(review) };
}

const EMPTY_STATE = Y.encodeStateAsUpdate(new Y.Doc());

async function copyQuarantined(source: Stores, target: Stores, document: DocumentMetadata, record: QuarantineRecord): Promise<'copied' | 'present'> {
  const done = (await target.documents.listQuarantined()).some((copy) => copy.docId === document.id);
  if (done) return 'present';
  // Created earlier but interrupted before its quarantine record: its rows may be incomplete, and
  // rows cannot be merged like states; start this document again.
  if (await target.documents.getDocument(document.id)) await target.documents.deleteDocument(document.id);
  const rows = await sourceRows(source, document.id);
  const [first, ...rest] = rows.content.length > 0 ? rows.content : [EMPTY_STATE];
  await target.documents.createDocument({ ...document, snapshot: first! });
  const batch = [...rest.map((update) => ({ room: document.id, update })), ...rows.review.map((update) => ({ room: reviewRoomOf(document.id), update }))];
  if (batch.length > 0) await target.documents.appendUpdates(batch);
  await target.documents.renameDocument(document.id, document.title, document.updatedAt);
  await target.documents.quarantine(record);
  return 'copied';
}

async function verifyQuarantined(source: Stores, target: Stores, id: string): Promise<string | undefined> {
  const [from, to] = await Promise.all([sourceRows(source, id), sourceRows(target, id)]);
  const expected = from.content.length > 0 ? from.content : [EMPTY_STATE];
  if (expected.length !== to.content.length || expected.some((row, index) => !sameBytes(row, to.content[index]!))) return 'les lignes du contenu diffèrent';
  if (from.review.length !== to.review.length || from.review.some((row, index) => !sameBytes(row, to.review[index]!))) return 'les lignes de la relecture diffèrent';
  return undefined;
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && a.every((byte, index) => byte === b[index]);
}

function capitalized(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
