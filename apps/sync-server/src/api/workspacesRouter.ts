import { TRPCError } from '@trpc/server';
import { z } from 'zod';
import { ROLE_LABELS, ROLES, type Role } from '../accounts/AccountStore.js';
import { outgoingMail } from '../mail/Mailer.js';
import { invitationMail } from '../mail/mailTemplates.js';
import { hashSecret, newSecret } from '../auth/secretToken.js';
import { syncTargetUrl } from './syncTargetUrl.js';
import { publicProcedure, requireWorkspace, router, userProcedure, type ApiContext } from './trpc.js';
import { newId } from '../newId.js';

const idSchema = z.string({ error: 'Identifiant manquant.' }).regex(/^[\w-]{1,64}$/, { error: 'Identifiant invalide.' });
const nameSchema = z
  .string({ error: 'Le nom est obligatoire.' })
  .trim()
  .min(1, { error: 'Le nom est obligatoire.' })
  .max(120, { error: 'Le nom ne doit pas dépasser 120 caractères.' });
const roleSchema = z.enum(ROLES, { error: 'Rôle inconnu (owner, editor, tutor ou viewer).' });

export interface WorkspaceSummary {
  id: string;
  name: string;
  role: Role;
}

export interface MemberSummary {
  userId: string;
  email: string;
  name: string;
  role: Role;
}

export interface InvitationSummary {
  id: string;
  role: Role;
  createdAt: string;
  expiresAt: string;
  status: 'pending' | 'accepted' | 'revoked' | 'expired';
}

/** The app's base URL, for invitation links: PUBLIC_URL behind a proxy, else the request's host. */
function appBaseUrl(ctx: ApiContext): string {
  return syncTargetUrl(ctx.req, ctx.services.publicUrl).replace(/^ws/, 'http').replace(/\/sync$/, '');
}

const NOT_A_MEMBER = 'Cette personne n’est pas membre de l’espace de travail.';
const LAST_OWNER = 'L’espace de travail doit garder au moins un propriétaire.';

/** Changes a role or removes a member (`null`) in one transaction that keeps an owner. */
async function changeMember(ctx: ApiContext, workspaceId: string, userId: string, role: Role | null): Promise<Role> {
  const change = await ctx.services.accounts.changeMemberKeepingOwner(workspaceId, userId, role);
  if (change.ok) return change.before;
  if (change.reason === 'not_member') throw new TRPCError({ code: 'NOT_FOUND', message: NOT_A_MEMBER });
  throw new TRPCError({ code: 'BAD_REQUEST', message: LAST_OWNER });
}

export const workspacesRouter = router({
  list: userProcedure.query(async ({ ctx }): Promise<WorkspaceSummary[]> => {
    const entries = await ctx.services.accounts.listWorkspacesOf(ctx.user.id);
    return entries.map(({ workspace, role }) => ({ id: workspace.id, name: workspace.name, role }));
  }),

  create: userProcedure.input(z.object({ name: nameSchema })).mutation(async ({ ctx, input }): Promise<WorkspaceSummary> => {
    const now = Date.now();
    const workspace = await ctx.services.accounts.createWorkspace(
      { id: newId(12), name: input.name, ownerId: ctx.user.id, createdAt: now },
      { maxOwnedPerUser: ctx.services.quotas.maxWorkspacesPerUser },
    );
    await ctx.services.accounts.audit({ at: now, userId: ctx.user.id, action: 'workspace.created', workspaceId: workspace.id });
    return { id: workspace.id, name: workspace.name, role: 'owner' };
  }),

  rename: userProcedure.input(z.object({ workspaceId: idSchema, name: nameSchema })).mutation(async ({ ctx, input }) => {
    await requireWorkspace(ctx, input.workspaceId, 'manage');
    await ctx.services.accounts.renameWorkspace(input.workspaceId, input.name);
    return { id: input.workspaceId, name: input.name };
  }),

  members: userProcedure.input(z.object({ workspaceId: idSchema })).query(async ({ ctx, input }): Promise<MemberSummary[]> => {
    await requireWorkspace(ctx, input.workspaceId, 'read');
    const members = await ctx.services.accounts.listMembers(input.workspaceId);
    return members.map((member) => ({ userId: member.user.id, email: member.user.email, name: member.user.name, role: member.role }));
  }),

  setRole: userProcedure
    .input(z.object({ workspaceId: idSchema, userId: idSchema, role: roleSchema }))
    .mutation(async ({ ctx, input }): Promise<{ ok: true }> => {
      await requireWorkspace(ctx, input.workspaceId, 'manage');
      const before = await changeMember(ctx, input.workspaceId, input.userId, input.role);
      await ctx.services.accounts.audit({
        at: Date.now(),
        userId: ctx.user.id,
        action: 'member.role_changed',
        workspaceId: input.workspaceId,
        detail: { member: input.userId, from: before, to: input.role },
      });
      ctx.services.onAccessChanged();
      return { ok: true };
    }),

  removeMember: userProcedure.input(z.object({ workspaceId: idSchema, userId: idSchema })).mutation(async ({ ctx, input }): Promise<{ ok: true }> => {
    // Anyone may leave; removing someone else takes an owner.
    if (input.userId !== ctx.user.id) await requireWorkspace(ctx, input.workspaceId, 'manage');
    else await requireWorkspace(ctx, input.workspaceId, 'read');
    await changeMember(ctx, input.workspaceId, input.userId, null);
    await ctx.services.accounts.audit({ at: Date.now(), userId: ctx.user.id, action: 'member.removed', workspaceId: input.workspaceId, detail: { member: input.userId } });
    ctx.services.onAccessChanged();
    return { ok: true };
  }),

  invite: userProcedure
    .input(z.object({ workspaceId: idSchema, role: roleSchema, expiresInDays: z.number().int().min(1, { error: 'Au moins 1 jour.' }).max(30, { error: 'Au plus 30 jours.' }).default(7) }))
    .mutation(async ({ ctx, input }): Promise<{ url: string; token: string; expiresAt: string }> => {
      await requireWorkspace(ctx, input.workspaceId, 'manage');
      const token = newSecret('i_');
      const now = Date.now();
      const invitation = await ctx.services.accounts.createInvitation({
        id: newId(8),
        tokenHash: hashSecret(token),
        workspaceId: input.workspaceId,
        role: input.role,
        createdBy: ctx.user.id,
        createdAt: now,
        expiresAt: now + input.expiresInDays * 24 * 3600_000,
      });
      await ctx.services.accounts.audit({ at: now, userId: ctx.user.id, action: 'invitation.created', workspaceId: input.workspaceId, detail: { role: input.role, invitation: invitation.id } });
      return { url: `${appBaseUrl(ctx)}/invitation/${token}`, token, expiresAt: new Date(invitation.expiresAt).toISOString() };
    }),

  /**
   * Invites by e-mail: the link goes only to the address, in a message written to the mail outbox
   * in the invitation's own transaction. The same answer whether or not the address has an
   * account. Refused when the instance sends no mail (SMTP_URL): share a link instead.
   */
  inviteByEmail: userProcedure
    .input(
      z.object({
        workspaceId: idSchema,
        email: z.string({ error: 'Adresse e-mail manquante.' }).trim().toLowerCase().email({ error: 'Adresse e-mail invalide.' }).max(254),
        role: roleSchema,
      }),
    )
    .mutation(async ({ ctx, input }): Promise<{ id: string; expiresAt: string }> => {
      await requireWorkspace(ctx, input.workspaceId, 'manage');
      const { mailer, accounts } = ctx.services;
      if (!mailer) {
        throw new TRPCError({ code: 'PRECONDITION_FAILED', message: 'Cette instance n’envoie pas d’e-mails (SMTP_URL n’est pas configuré) : partagez plutôt un lien d’invitation.' });
      }
      const workspace = await accounts.getWorkspace(input.workspaceId);
      if (!workspace) throw new TRPCError({ code: 'NOT_FOUND', message: 'Espace de travail introuvable.' });
      const token = newSecret('i_');
      const now = Date.now();
      const expiresAt = now + 7 * 24 * 3600_000;
      const mail = outgoingMail(
        input.email,
        invitationMail({ inviterName: ctx.user.name, workspaceName: workspace.name, roleLabel: ROLE_LABELS[input.role], link: `${mailer.baseUrl}/invitation/${token}`, expiresAt }),
        now,
      );
      const invitation = await accounts.createInvitation(
        { id: newId(8), tokenHash: hashSecret(token), workspaceId: input.workspaceId, role: input.role, createdBy: ctx.user.id, createdAt: now, expiresAt },
        mail,
      );
      // The address stays out of the audit log: it may belong to nobody here yet.
      await accounts.audit({ at: now, userId: ctx.user.id, action: 'invitation.created', workspaceId: input.workspaceId, detail: { role: input.role, invitation: invitation.id, by: 'email' } });
      mailer.committed();
      return { id: invitation.id, expiresAt: new Date(expiresAt).toISOString() };
    }),

  invitations: userProcedure.input(z.object({ workspaceId: idSchema })).query(async ({ ctx, input }): Promise<InvitationSummary[]> => {
    await requireWorkspace(ctx, input.workspaceId, 'manage');
    const now = Date.now();
    return (await ctx.services.accounts.listInvitations(input.workspaceId)).map((invitation) => ({
      id: invitation.id,
      role: invitation.role,
      createdAt: new Date(invitation.createdAt).toISOString(),
      expiresAt: new Date(invitation.expiresAt).toISOString(),
      status: invitation.acceptedAt ? 'accepted' : invitation.revokedAt ? 'revoked' : invitation.expiresAt <= now ? 'expired' : 'pending',
    }));
  }),

  revokeInvitation: userProcedure.input(z.object({ workspaceId: idSchema, invitationId: idSchema })).mutation(async ({ ctx, input }) => {
    await requireWorkspace(ctx, input.workspaceId, 'manage');
    if (!(await ctx.services.accounts.revokeInvitation(input.workspaceId, input.invitationId, Date.now()))) {
      throw new TRPCError({ code: 'NOT_FOUND', message: 'Invitation introuvable ou déjà utilisée.' });
    }
    return { ok: true as const };
  }),

  /** What an invitation link offers, shown before signing in or up. */
  previewInvitation: publicProcedure.input(z.object({ token: z.string().min(1).max(200) })).query(async ({ ctx, input }) => {
    const invitation = await ctx.services.accounts.findInvitation(hashSecret(input.token));
    const usable = invitation && !invitation.acceptedAt && !invitation.revokedAt && invitation.expiresAt > Date.now();
    if (!invitation || !usable) return { valid: false as const };
    const workspace = await ctx.services.accounts.getWorkspace(invitation.workspaceId);
    return { valid: true as const, workspaceName: workspace?.name ?? '', role: invitation.role, expiresAt: new Date(invitation.expiresAt).toISOString() };
  }),

  acceptInvitation: userProcedure.input(z.object({ token: z.string().min(1).max(200) })).mutation(async ({ ctx, input }): Promise<{ workspaceId: string }> => {
    const invitation = await ctx.services.accounts.findInvitation(hashSecret(input.token));
    if (!invitation || !(await ctx.services.accounts.acceptInvitation(invitation.id, ctx.user.id, Date.now()))) {
      throw new TRPCError({ code: 'BAD_REQUEST', message: 'Cette invitation n’est plus valable.' });
    }
    await ctx.services.accounts.audit({ at: Date.now(), userId: ctx.user.id, action: 'invitation.accepted', workspaceId: invitation.workspaceId, detail: { invitation: invitation.id } });
    ctx.services.onAccessChanged();
    return { workspaceId: invitation.workspaceId };
  }),
});
