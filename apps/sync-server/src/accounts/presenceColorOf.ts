import { memberPresenceColor, presenceColor } from '@canevas/core';
import type { AccountStore } from './AccountStore.js';

/**
 * The caret colour of `userId` in the documents of a workspace, read from the store: the sync
 * socket stamps it on presence, and the document page shows it for the user's own chip, so both
 * agree whichever instance answers.
 */
export async function presenceColorOf(accounts: Pick<AccountStore, 'listMembers'>, workspaceId: string | null, userId: string): Promise<string> {
  if (workspaceId === null) return presenceColor(userId);
  const members = await accounts.listMembers(workspaceId);
  return memberPresenceColor(
    members.map((member) => ({ userId: member.user.id, since: member.since })),
    userId,
  );
}
