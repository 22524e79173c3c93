import { useCallback, useEffect, useId, useState, type FormEvent } from 'react';
import type { InvitationSummary, MemberSummary, WorkspaceSummary } from '@canevas/sync-server';
import { ROLE_DESCRIPTIONS, ROLE_NAMES } from '../account/roleNames.js';
import { useCurrentUser } from '../account/SessionContext.js';
import { apiErrorMessage } from '../api/apiError.js';
import { trpc } from '../api/trpcClient.js';
import { Link } from '../routing/Link.js';
import { PageHeading } from '../ui/PageHeading.js';

type Role = keyof typeof ROLE_NAMES;
const ROLES = Object.keys(ROLE_NAMES) as Role[];

type PageState =
  | { status: 'loading' }
  | { status: 'error'; message: string }
  | { status: 'ready'; workspace: WorkspaceSummary; members: MemberSummary[]; invitations: InvitationSummary[] };

const INVITATION_STATUS: Record<InvitationSummary['status'], string> = {
  pending: 'en attente',
  accepted: 'acceptée',
  revoked: 'révoquée',
  expired: 'expirée',
};

/** `/espaces/<id>`: the members of a workspace, their roles, and invitation links. */
export function WorkspaceMembersPage({ id }: { id: string }) {
  const me = useCurrentUser();
  const [state, setState] = useState<PageState>({ status: 'loading' });
  const [announcement, setAnnouncement] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [invitation, setInvitation] = useState<{ url: string; expiresAt: string } | null>(null);
  const [inviteRole, setInviteRole] = useState<Role>('editor');
  const formId = useId();

  const load = useCallback(async () => {
    try {
      const workspace = (await trpc.workspaces.list.query()).find((candidate) => candidate.id === id);
      if (!workspace) {
        setState({ status: 'error', message: 'Espace de travail introuvable.' });
        return;
      }
      const members = await trpc.workspaces.members.query({ workspaceId: id });
      const invitations = workspace.role === 'owner' ? await trpc.workspaces.invitations.query({ workspaceId: id }) : [];
      setState({ status: 'ready', workspace, members, invitations });
      document.title = `Membres — ${workspace.name} — Canevas`;
    } catch (failure) {
      setState({ status: 'error', message: apiErrorMessage(failure) });
    }
  }, [id]);

  useEffect(() => {
    void load();
  }, [load]);

  async function run(action: () => Promise<unknown>, done: string): Promise<void> {
    setError(null);
    try {
      await action();
      setAnnouncement(done);
      await load();
    } catch (failure) {
      setError(apiErrorMessage(failure));
    }
  }

  async function invite(event: FormEvent<HTMLFormElement>): Promise<void> {
    event.preventDefault();
    setError(null);
    try {
      const created = await trpc.workspaces.invite.mutate({ workspaceId: id, role: inviteRole, expiresInDays: 7 });
      setInvitation({ url: created.url, expiresAt: created.expiresAt });
      setAnnouncement('Lien d’invitation créé.');
      await load();
    } catch (failure) {
      setError(apiErrorMessage(failure));
    }
  }

  if (state.status === 'loading') {
    return (
      <main id="contenu" className="page">
        <p role="status" className="muted">
          Chargement des membres…
        </p>
      </main>
    );
  }
  if (state.status === 'error') {
    return (
      <main id="contenu" className="page">
        <PageHeading>Membres</PageHeading>
        <p role="alert" className="notice notice--error">
          {state.message}
        </p>
        <p>
          <Link href="/">Retour aux documents</Link>
        </p>
      </main>
    );
  }

  const isOwner = state.workspace.role === 'owner';
  return (
    <main id="contenu" className="page">
      <PageHeading>Membres de l’espace « {state.workspace.name} »</PageHeading>
      <p>
        <Link href="/">Retour aux documents</Link>
      </p>
      {error && (
        <p role="alert" className="notice notice--error">
          {error}
        </p>
      )}
      <section aria-labelledby={`${formId}-members`}>
        <h2 id={`${formId}-members`} className="section-title">
          Membres
        </h2>
        <table className="members-table">
          <caption className="visually-hidden">Membres de l’espace de travail et leur rôle</caption>
          <thead>
            <tr>
              <th scope="col">Nom</th>
              <th scope="col">Adresse e-mail</th>
              <th scope="col">Rôle</th>
              {isOwner && <th scope="col">Actions</th>}
            </tr>
          </thead>
          <tbody>
            {state.members.map((member) => (
              <tr key={member.userId}>
                <td>
                  {member.name}
                  {member.userId === me.id && <span className="muted"> (vous)</span>}
                </td>
                <td>{member.email}</td>
                <td>
                  {isOwner ? (
                    <select
                      className="input"
                      aria-label={`Rôle de ${member.name}`}
                      value={member.role}
                      onChange={(event) =>
                        void run(
                          () => trpc.workspaces.setRole.mutate({ workspaceId: id, userId: member.userId, role: event.target.value as Role }),
                          `${member.name} est maintenant ${ROLE_NAMES[event.target.value as Role].toLowerCase()}.`,
                        )
                      }
                    >
                      {ROLES.map((role) => (
                        <option key={role} value={role}>
                          {ROLE_NAMES[role]}
                        </option>
                      ))}
                    </select>
                  ) : (
                    ROLE_NAMES[member.role]
                  )}
                </td>
                {isOwner && (
                  <td>
                    <button
                      type="button"
                      className="button button--danger-text"
                      aria-label={`Retirer ${member.name} de l’espace de travail`}
                      onClick={() =>
                        void run(() => trpc.workspaces.removeMember.mutate({ workspaceId: id, userId: member.userId }), `${member.name} a été retiré·e.`)
                      }
                    >
                      Retirer
                    </button>
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
        <ul className="muted role-legend">
          {ROLES.map((role) => (
            <li key={role}>
              <strong>{ROLE_NAMES[role]}</strong> : {ROLE_DESCRIPTIONS[role]}
            </li>
          ))}
        </ul>
      </section>

      {isOwner && (
        <section aria-labelledby={`${formId}-invite`}>
          <h2 id={`${formId}-invite`} className="section-title">
            Inviter quelqu’un
          </h2>
          <form className="create-form__row" onSubmit={(event) => void invite(event)}>
            <div className="field">
              <label htmlFor={`${formId}-role`}>Rôle de la personne invitée</label>
              <select id={`${formId}-role`} className="input" value={inviteRole} onChange={(event) => setInviteRole(event.target.value as Role)}>
                {ROLES.map((role) => (
                  <option key={role} value={role}>
                    {ROLE_NAMES[role]}
                  </option>
                ))}
              </select>
            </div>
            <button type="submit" className="button button--primary">
              Créer un lien d’invitation
            </button>
          </form>
          {invitation && (
            <div className="notice">
              <label htmlFor={`${formId}-link`}>Lien à transmettre (valable jusqu’au {new Date(invitation.expiresAt).toLocaleDateString('fr-FR')}, une seule fois)</label>
              <input id={`${formId}-link`} className="input" readOnly value={invitation.url} onFocus={(event) => event.target.select()} />
              <button type="button" className="button" onClick={() => void navigator.clipboard?.writeText(invitation.url).then(() => setAnnouncement('Lien copié.'))}>
                Copier le lien
              </button>
            </div>
          )}
          {state.invitations.length > 0 && (
            <ul className="invitation-list">
              {state.invitations.map((item) => (
                <li key={item.id}>
                  {ROLE_NAMES[item.role]} — {INVITATION_STATUS[item.status]}, jusqu’au {new Date(item.expiresAt).toLocaleDateString('fr-FR')}
                  {item.status === 'pending' && (
                    <button
                      type="button"
                      className="button button--danger-text"
                      onClick={() => void run(() => trpc.workspaces.revokeInvitation.mutate({ workspaceId: id, invitationId: item.id }), 'Invitation révoquée.')}
                    >
                      Révoquer
                    </button>
                  )}
                </li>
              ))}
            </ul>
          )}
        </section>
      )}
      <p role="status" className="visually-hidden">
        {announcement}
      </p>
    </main>
  );
}
