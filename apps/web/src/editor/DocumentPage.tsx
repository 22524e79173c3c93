import type { SyncTarget } from '@canevas/core';
import type { Editor } from '@tiptap/core';
import { useCallback, useEffect, useMemo, useRef, useState, useSyncExternalStore } from 'react';
import { ROLE_NAMES, type DocumentRole } from '../account/roleNames.js';
import { useCurrentUser } from '../account/SessionContext.js';
import { apiErrorMessage, isNotFound } from '../api/apiError.js';
import { trpc } from '../api/trpcClient.js';
import { useLiveAssessments } from '../assessments/useLiveAssessments.js';
import { CommentDialog } from '../comments/CommentDialog.js';
import { canComment } from '../comments/commentPermissions.js';
import { CommentsPanel } from '../comments/CommentsPanel.js';
import { DEFAULT_FILTER, type ThreadFilter } from '../comments/threadFilters.js';
import { COMMENT_LABEL, COMMENT_SHORTCUT, useCommenting } from '../comments/useCommenting.js';
import { useLiveThreads } from '../comments/useLiveThreads.js';
import type { CriterionReview } from '../completeness/CriterionReviewContext.js';
import { DocumentReviewPanel } from '../completeness/DocumentReviewPanel.js';
import { RenameTitleForm } from '../documents/RenameTitleForm.js';
import { LinkEvidenceDialog } from '../evidence/LinkEvidenceDialog.js';
import { ExportDocumentButton } from '../export/ExportDocumentButton.js';
import { nodeCodes, useEvidenceLinking } from '../evidence/useEvidenceLinking.js';
import { useLiveEvidence } from '../evidence/useLiveEvidence.js';
import { useReanchorRestoredEvidence } from '../evidence/useReanchorRestoredEvidence.js';
import { ChangeNameButton } from '../identity/ChangeNameButton.js';
import { useIdentity } from '../identity/useIdentity.js';
import type { UserIdentity } from '../identity/userIdentity.js';
import { AccessLogDisclosure } from '../privacy/AccessLogDisclosure.js';
import { useReferentialManifest } from '../referentials/referentialManifests.js';
import { Link } from '../routing/Link.js';
import { SubmissionsPanel } from '../submissions/SubmissionsPanel.js';
import { HistoryPanel } from '../history/HistoryPanel.js';
import { SubmitVersionDialog } from '../submissions/SubmitVersionDialog.js';
import { useSubmissions, type SubmissionsState } from '../submissions/useSubmissions.js';
import { PageHeading } from '../ui/PageHeading.js';
import type { CollaborationSession } from './CollaborationSession.js';
import { CollaborativeEditor } from './CollaborativeEditor.js';
import { ConnectionBadge } from './ConnectionBadge.js';
import { DocumentGoneNotice } from './DocumentGoneNotice.js';
import { DocumentQuarantinedNotice } from './DocumentQuarantinedNotice.js';
import { connectionStatus } from './connectionStatus.js';
import { PresenceList } from './PresenceList.js';
import { useBeforeUnloadWarning } from './useBeforeUnloadWarning.js';
import { useCollaborationSession, useConnectionState } from './useCollaborationSession.js';
import { useLingeringFlag } from './useLingeringFlag.js';
import { usePresence } from './usePresence.js';
import { useTableInsertion } from '../tables/useTableInsertion.js';

type Loaded =
  | { status: 'loading' }
  | { status: 'error'; message: string }
  | { status: 'gone' }
  | { status: 'quarantined' }
  | { status: 'ready'; title: string; target: SyncTarget; referential: DocumentReferential; role: DocumentRole };

/** The referential and template a document was created from (null for a « Document libre »). */
interface DocumentReferential {
  referentialId: string | null;
  templateId: string | null;
}

export function DocumentPage({ id }: { id: string }) {
  const [loaded, setLoaded] = useState<Loaded>({ status: 'loading' });
  const [identity, setName] = useIdentity();

  const load = useCallback(async () => {
    setLoaded({ status: 'loading' });
    try {
      const [summary, target] = await Promise.all([
        trpc.documents.get.query({ id }),
        trpc.documents.syncTarget.query({ id }),
      ]);
      if (summary.quarantined) {
        setLoaded({ status: 'quarantined' });
        return;
      }
      const referential = { referentialId: summary.referentialId, templateId: summary.templateId };
      setLoaded({ status: 'ready', title: summary.title, target, referential, role: summary.role });
    } catch (error) {
      setLoaded(isNotFound(error) ? { status: 'gone' } : { status: 'error', message: apiErrorMessage(error) });
    }
  }, [id]);

  useEffect(() => {
    void load();
  }, [load]);

  const title = loaded.status === 'ready' ? loaded.title : null;
  useEffect(() => {
    document.title = `${title ?? 'Document'} — Canevas`;
  }, [title]);

  const target = loaded.status === 'ready' ? loaded.target : null;
  const session = useCollaborationSession(target);

  if (loaded.status === 'gone') return <DocumentGone />;

  return (
    <main id="contenu" className="page page--editor">
      <nav aria-label="Fil d’Ariane" className="breadcrumb">
        <Link href="/">← Tous les documents</Link>
      </nav>
      {loaded.status === 'loading' && (
        <>
          <PageHeading>Document</PageHeading>
          <p role="status" className="muted">
            Chargement du document…
          </p>
        </>
      )}
      {loaded.status === 'quarantined' && (
        <>
          <PageHeading>Document en quarantaine</PageHeading>
          <DocumentQuarantinedNotice documentId={id} />
        </>
      )}
      {loaded.status === 'error' && (
        <>
          <PageHeading>Document</PageHeading>
          <div role="alert" className="notice notice--error">
            <p>{loaded.message}</p>
            <button type="button" className="button" onClick={() => void load()}>
              Réessayer
            </button>
          </div>
        </>
      )}
      {loaded.status === 'ready' && (
        <DocumentWorkspace
          id={id}
          title={loaded.title}
          referential={loaded.referential}
          role={loaded.role}
          onRenamed={(renamed) => setLoaded({ ...loaded, title: renamed })}
          session={session}
          // The colour the server stamps on this user's presence in this workspace.
          identity={{ ...identity, color: loaded.target.presenceColor }}
          onChangeName={setName}
        />
      )}
    </main>
  );
}

interface DocumentWorkspaceProps {
  id: string;
  title: string;
  referential: DocumentReferential;
  role: DocumentRole;
  onRenamed: (title: string) => void;
  session: CollaborationSession | null;
  identity: UserIdentity;
  onChangeName: (name: string) => Promise<void>;
}

function DocumentWorkspace({ id, title, referential, role, onRenamed, session, identity, onChangeName }: DocumentWorkspaceProps) {
  const readOnly = role === 'tutor' || role === 'viewer';
  // Quarantined while open (4423): renaming, submitting and exporting cannot work; the notice stays.
  const quarantined = useQuarantined(session);
  const [renaming, setRenaming] = useState(false);
  const [submitting, setSubmitting] = useState(false);
  const submissions = useSubmissions(id);
  const renameButton = useRef<HTMLButtonElement>(null);
  const wasRenaming = useRef(false);

  useEffect(() => {
    if (wasRenaming.current && !renaming) renameButton.current?.focus();
    wasRenaming.current = renaming;
  }, [renaming]);

  async function rename(next: string): Promise<void> {
    const renamed = await trpc.documents.rename.mutate({ id, title: next });
    onRenamed(renamed.title);
  }

  return (
    <>
      <header className="doc-header">
        {renaming && !quarantined ? (
          <div className="doc-header__title">
            <h1 className="visually-hidden">{title}</h1>
            <RenameTitleForm title={title} onRename={rename} onClose={() => setRenaming(false)} />
          </div>
        ) : (
          <div className="doc-header__title">
            <PageHeading>{title}</PageHeading>
            {!readOnly && !quarantined && (
              <button
                ref={renameButton}
                type="button"
                className="button button--quiet"
                aria-label={`Renommer « ${title} »`}
                onClick={() => setRenaming(true)}
              >
                Renommer
              </button>
            )}
            {!readOnly && !quarantined && (
              <button type="button" className="button" onClick={() => setSubmitting(true)}>
                Soumettre<span className="visually-hidden"> une version à votre tuteur</span>
              </button>
            )}
          </div>
        )}
        {!quarantined && <ExportDocumentButton documentId={id} title={title} hasReferential={referential.referentialId !== null} />}
        {session && <SessionStatus session={session} />}
      </header>
      {readOnly && (
        <p className="notice" role="note">
          Lecture seule : en tant que {ROLE_NAMES[role].toLowerCase()}, vous pouvez lire ce document
          {role === 'tutor' ? ', le commenter et l’évaluer,' : ''} mais pas modifier son texte.
          {canComment(role) && ` Pour commenter, sélectionnez un passage (au clavier : Maj + flèches) puis « ${COMMENT_LABEL} » (${COMMENT_SHORTCUT.label}).`}
        </p>
      )}
      {session ? (
        <LiveDocument
          id={id}
          referential={referential}
          session={session}
          identity={identity}
          onChangeName={onChangeName}
          role={role}
          submissions={submissions.state}
          onRefreshSubmissions={() => void submissions.refresh()}
        />
      ) : (
        <p className="muted">Connexion au document…</p>
      )}
      {submitting && !quarantined && <SubmitVersionDialog documentId={id} onSubmitted={submissions.added} onClose={() => setSubmitting(false)} />}
    </>
  );
}

const noSubscription = () => () => undefined;
const noState = () => null;

/** True once the server closed the session with 4423; false without a session yet. */
function useQuarantined(session: CollaborationSession | null): boolean {
  const state = useSyncExternalStore(session?.subscribe ?? noSubscription, session?.getState ?? noState);
  return state !== null && connectionStatus(state) === 'quarantined';
}

function SessionStatus({ session }: { session: CollaborationSession }) {
  const state = useConnectionState(session);
  useBeforeUnloadWarning(state.unsynced && state.closed === null);
  // A keystroke waits a few milliseconds for its ack: only a lasting wait is worth showing.
  const lastingUnsynced = useLingeringFlag(state.unsynced, 1000);
  const status = connectionStatus({ ...state, unsynced: lastingUnsynced });
  return <ConnectionBadge status={status} unsynced={state.unsynced} storage={state.storage} />;
}

interface LiveDocumentProps {
  id: string;
  referential: DocumentReferential;
  session: CollaborationSession;
  identity: UserIdentity;
  onChangeName: (name: string) => Promise<void>;
  /** Tutors and viewers: the server drops their content updates, so the editor does not offer edits. */
  role: DocumentRole;
  submissions: SubmissionsState;
  onRefreshSubmissions: () => void;
}

function LiveDocument({ id, referential, session, identity, onChangeName, role, submissions, onRefreshSubmissions }: LiveDocumentProps) {
  const readOnly = role === 'tutor' || role === 'viewer';
  const account = useCurrentUser();
  const state = useConnectionState(session);
  const participants = usePresence(session.provider);
  const status = connectionStatus(state);
  const [editor, setEditor] = useState<Editor | null>(null);
  const { referentialId, templateId } = referential;
  const manifestState = useReferentialManifest(referentialId);
  const manifest = manifestState.status === 'ready' ? manifestState.manifest : null;
  const codeOf = useMemo(() => nodeCodes(manifest), [manifest]);
  const evidence = useLiveEvidence(session);
  useReanchorRestoredEvidence(session, id, !readOnly);
  const linking = useEvidenceLinking(session, editor, evidence, manifest);
  const tables = useTableInsertion(manifest);
  const threads = useLiveThreads(session);
  const assessments = useLiveAssessments(session);
  const mayComment = canComment(role);
  const [announcement, setAnnouncement] = useState('');
  // The same words again (a second Ctrl+Alt+M without a passage) must be heard again: a live
  // region speaks only when its text changes.
  const announceAgain = useCallback(
    (message: string) => setAnnouncement((current) => (current === message ? `${message}\u00a0` : message)),
    [],
  );
  const commenting = useCommenting(session, editor, threads, mayComment, announceAgain);
  const extensions = useMemo(() => [...linking.extensions, ...commenting.extensions], [linking.extensions, commenting.extensions]);
  const commands = useMemo(
    () => [...linking.commands, ...commenting.commands, tables.command],
    [linking.commands, commenting.commands, tables.command],
  );
  const [threadFilter, setThreadFilter] = useState<ThreadFilter>(DEFAULT_FILTER);
  const commentsHeading = useRef<HTMLHeadingElement>(null);
  const { commentOnCriterion } = commenting;

  const criterionReview = useMemo<CriterionReview>(() => {
    const byNode = new Map(assessments?.assessments.map((assessment) => [assessment.nodeId, assessment]) ?? []);
    const threadCounts = new Map<string, number>();
    for (const { thread } of threads?.threads ?? []) {
      if (thread.nodeId !== undefined) threadCounts.set(thread.nodeId, (threadCounts.get(thread.nodeId) ?? 0) + 1);
    }
    return {
      documentId: id,
      assessmentOf: (nodeId) => byNode.get(nodeId),
      canAssess: role === 'tutor',
      canComment: mayComment && threads !== null,
      commentOnCriterion,
      threadCountOf: (nodeId) => threadCounts.get(nodeId) ?? 0,
      showThreadsOf: (nodeId) => {
        setThreadFilter({ status: 'all', criterion: { kind: 'node', nodeId } });
        requestAnimationFrame(() => commentsHeading.current?.focus());
      },
      announce: setAnnouncement,
    };
  }, [id, assessments, threads, role, mayComment, commentOnCriterion]);

  if (status === 'gone') return <DocumentGoneNotice />;
  if (status === 'quarantined') return <DocumentQuarantinedNotice documentId={id} />;
  return (
    <div className={referentialId || session.reviewDoc ? 'doc-layout doc-layout--review' : 'doc-layout'}>
      <div className="doc-layout__main">
        {status === 'refused' && (
          <div role="alert" className="notice notice--error">
            <p>Le serveur a refusé la connexion à ce document. Rechargez la page pour réessayer.</p>
            <button type="button" className="button" onClick={() => window.location.reload()}>
              Recharger la page
            </button>
          </div>
        )}
        <CollaborativeEditor
          session={session}
          identity={identity}
          editable={!readOnly && state.everSynced && state.closed === null}
          ready={state.everSynced && state.closed === null}
          readOnly={readOnly}
          extensions={extensions}
          commands={commands}
          announce={announceAgain}
          onEditor={setEditor}
        />
        {role === 'owner' && <AccessLogDisclosure documentId={id} />}
      </div>
      <div className="doc-layout__side-column">
        <aside className="doc-layout__side" aria-label="Participants">
          <PresenceList participants={participants} />
          <ChangeNameButton identity={identity} onChange={onChangeName} />
        </aside>
        <SubmissionsPanel documentId={id} state={submissions} onRefresh={onRefreshSubmissions} />
        <HistoryPanel documentId={id} canWrite={!readOnly} />
        {threads && (
          <CommentsPanel
            documentId={id}
            threads={threads}
            manifest={manifest}
            codeOf={codeOf}
            userId={account.id}
            role={role}
            activeThreadId={commenting.activeThreadId}
            onJump={commenting.jumpTo}
            filter={threadFilter}
            onFilterChange={setThreadFilter}
            headingRef={commentsHeading}
            announce={setAnnouncement}
          />
        )}
        {referentialId && (
          <DocumentReviewPanel
            session={session}
            editor={editor}
            documentId={id}
            referentialId={referentialId}
            templateId={templateId}
            manifest={manifestState}
            evidence={evidence}
            codeOf={codeOf}
            announce={setAnnouncement}
            assessments={assessments?.assessments ?? NO_ASSESSMENTS}
            criterionReview={criterionReview}
            canChangeEvidence={!readOnly}
          />
        )}
      </div>
      {linking.pending && manifest && (
        <LinkEvidenceDialog
          documentId={id}
          anchor={linking.pending}
          manifest={manifest}
          author={identity.name}
          onLinked={(codes) => {
            linking.close();
            setAnnouncement(`Passage lié à ${codes.join(', ')}.`);
          }}
          onCancel={linking.close}
        />
      )}
      {commenting.pending && (
        <CommentDialog
          documentId={id}
          target={commenting.pending}
          manifest={manifest}
          onCreated={(threadId) => {
            commenting.close();
            commenting.setActiveThreadId(threadId);
            // The new thread is open and may be about no criterion: show it whatever the filter.
            setThreadFilter((current) => (current.status === 'resolved' || current.criterion.kind !== 'all' ? DEFAULT_FILTER : current));
            setAnnouncement('Commentaire publié.');
          }}
          onCancel={commenting.close}
        />
      )}
      {tables.dialog}
      <p role="status" className="visually-hidden">
        {announcement}
      </p>
    </div>
  );
}

const NO_ASSESSMENTS: readonly never[] = [];

function DocumentGone() {
  return (
    <main id="contenu" className="page">
      <PageHeading>Document introuvable</PageHeading>
      <DocumentGoneNotice />
    </main>
  );
}
