import { AuthError, AuthService } from '../accounts/AuthService.js';
import { UsageError, type Command, type CommandIO } from './Command.js';
import { openCommandStores } from './openCommandStores.js';
import { parseOptions, required } from './parseOptions.js';
import { readStdin } from './readStdin.js';
import { USER_PRIVACY_HELP, USER_PRIVACY_SYNOPSIS, userDelete, userExport } from './userPrivacy.js';

const USAGE = [
  'Usage : pnpm canevas user create --email <e> [--name <nom>] --password-stdin [--data <dossier>]',
  '        pnpm canevas user list [--data <dossier>] [--json]',
  ...USER_PRIVACY_SYNOPSIS,
  '',
  'Le mot de passe est lu sur l’entrée standard (jamais en argument : il resterait dans l’historique).',
  'Le premier compte créé devient administrateur de l’instance. Affiche l’identifiant du compte.',
  '',
  ...USER_PRIVACY_HELP,
].join('\n');

export const userCommand: Command = {
  name: 'user',
  usage: USAGE,
  async run(argv, io) {
    const [sub, ...rest] = argv;
    if (sub === 'create') return create(rest, io);
    if (sub === 'list') return list(rest, io);
    if (sub === 'export') return userExport(rest, io);
    if (sub === 'delete') return userDelete(rest, io);
    throw new UsageError(sub === undefined ? 'Sous-commande manquante.' : `Sous-commande inconnue : ${sub}`);
  },
};

async function create(argv: string[], io: CommandIO): Promise<number> {
  const { values } = parseOptions(argv, {
    email: { type: 'string' },
    name: { type: 'string' },
    'password-stdin': { type: 'boolean' },
    data: { type: 'string' },
  });
  const email = required(values.email, 'email');
  if (!values['password-stdin']) throw new UsageError('Passez le mot de passe sur l’entrée standard avec --password-stdin.');
  const password = await readStdin(io.stdin);
  const stores = await openCommandStores(values.data, io, { mustExist: false });
  try {
    const auth = new AuthService({ accounts: stores.accounts });
    const user = await auth.createUser({ email, password, ...(values.name !== undefined && { name: values.name }) });
    io.stdout(`${user.id}\n`);
    io.stderr(`Compte créé pour ${user.email}${user.isAdmin ? ' (administrateur de l’instance)' : ''}.\n`);
    return 0;
  } catch (error) {
    if (error instanceof AuthError) {
      io.stderr(`${error.message}\n`);
      return 1;
    }
    throw error;
  } finally {
    await stores.close();
  }
}

async function list(argv: string[], io: CommandIO): Promise<number> {
  const { values } = parseOptions(argv, { data: { type: 'string' }, json: { type: 'boolean' } });
  const stores = await openCommandStores(values.data, io, { mustExist: true });
  try {
    const users = await stores.accounts.listUsers();
    if (values.json) io.stdout(`${JSON.stringify(users, null, 2)}\n`);
    else for (const user of users) io.stdout(`${user.id}  ${user.email}  ${user.name}${user.isAdmin ? '  (admin)' : ''}\n`);
    return 0;
  } finally {
    await stores.close();
  }
}
