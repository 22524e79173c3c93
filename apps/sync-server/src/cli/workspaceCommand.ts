import { UsageError, type Command, type CommandIO } from './Command.js';
import { openCommandStores } from './openCommandStores.js';
import { parseOptions, required } from './parseOptions.js';
import { newId } from '../newId.js';

const USAGE = [
  'Usage : pnpm canevas workspace create --name <nom> --owner <email> [--data <dossier>]',
  '        pnpm canevas workspace list [--data <dossier>]',
  '',
  'create affiche l’identifiant du nouvel espace de travail.',
].join('\n');

export const workspaceCommand: Command = {
  name: 'workspace',
  usage: USAGE,
  async run(argv, io) {
    const [sub, ...rest] = argv;
    if (sub === 'create') return create(rest, io);
    if (sub === 'list') return list(rest, io);
    throw new UsageError(sub === undefined ? 'Sous-commande manquante.' : `Sous-commande inconnue : ${sub}`);
  },
};

async function create(argv: string[], io: CommandIO): Promise<number> {
  const { values } = parseOptions(argv, { name: { type: 'string' }, owner: { type: 'string' }, data: { type: 'string' } });
  const name = required(values.name, 'name').trim();
  const ownerEmail = required(values.owner, 'owner');
  if (name.length > 120) throw new UsageError('Le nom ne doit pas dépasser 120 caractères.');
  const stores = await openCommandStores(values.data, io, { mustExist: true });
  try {
    const { accounts } = stores;
    const owner = await accounts.findUserByEmail(ownerEmail);
    if (!owner) {
      io.stderr(`Aucun compte pour ${ownerEmail}. Créez-le avec « pnpm canevas user create ».\n`);
      return 1;
    }
    const workspace = await accounts.createWorkspace({ id: newId(12), name, ownerId: owner.id, createdAt: Date.now() });
    await accounts.audit({ at: Date.now(), userId: null, action: 'workspace.created', workspaceId: workspace.id, detail: { via: 'cli', owner: owner.id } });
    io.stdout(`${workspace.id}\n`);
    return 0;
  } finally {
    await stores.close();
  }
}

async function list(argv: string[], io: CommandIO): Promise<number> {
  const { values } = parseOptions(argv, { data: { type: 'string' } });
  const stores = await openCommandStores(values.data, io, { mustExist: true });
  try {
    for (const { workspace, members } of await stores.accounts.listWorkspaces()) {
      io.stdout(`${workspace.id}  ${workspace.name}  (${members} membre${members > 1 ? 's' : ''})\n`);
    }
    return 0;
  } finally {
    await stores.close();
  }
}
