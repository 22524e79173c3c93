import { ROLES, type Role } from '../accounts/AccountStore.js';
import { UsageError, type Command } from './Command.js';
import { openCommandStores } from './openCommandStores.js';
import { parseOptions, required } from './parseOptions.js';

const USAGE = [
  'Usage : pnpm canevas member add --workspace <id> --email <e> --role owner|editor|tutor|viewer [--data <dossier>]',
  '',
  'Ajoute le compte à l’espace de travail, ou change son rôle s’il en est déjà membre.',
  'Le changement s’applique aux connexions ouvertes en quelques secondes.',
].join('\n');

export const memberCommand: Command = {
  name: 'member',
  usage: USAGE,
  async run(argv, io) {
    const [sub, ...rest] = argv;
    if (sub !== 'add') throw new UsageError(sub === undefined ? 'Sous-commande manquante.' : `Sous-commande inconnue : ${sub}`);
    const { values } = parseOptions(rest, { workspace: { type: 'string' }, email: { type: 'string' }, role: { type: 'string' }, data: { type: 'string' } });
    const workspaceId = required(values.workspace, 'workspace');
    const email = required(values.email, 'email');
    const role = required(values.role, 'role');
    if (!(ROLES as readonly string[]).includes(role)) throw new UsageError(`Rôle inconnu : ${role} (owner, editor, tutor ou viewer).`);
    const stores = await openCommandStores(values.data, io, { mustExist: true });
    try {
      const { accounts } = stores;
      if (!(await accounts.getWorkspace(workspaceId))) {
        io.stderr(`Espace de travail introuvable : ${workspaceId}.\n`);
        return 1;
      }
      const user = await accounts.findUserByEmail(email);
      if (!user) {
        io.stderr(`Aucun compte pour ${email}. Créez-le avec « pnpm canevas user create ».\n`);
        return 1;
      }
      const before = await accounts.getRole(workspaceId, user.id);
      await accounts.setMember(workspaceId, user.id, role as Role, Date.now());
      await accounts.audit({ at: Date.now(), userId: null, action: 'member.set', workspaceId, detail: { via: 'cli', member: user.id, from: before ?? null, to: role } });
      io.stderr(`${user.email} : ${before ? `${before} → ${role}` : role}.\n`);
      return 0;
    } finally {
      await stores.close();
    }
  },
};
