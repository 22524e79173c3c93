import type { AccountStore, ApiTokenRecord } from '../accounts/AccountStore.js';
import { AuthService } from '../accounts/AuthService.js';
import { UsageError, type Command, type CommandIO } from './Command.js';
import { openCommandStores } from './openCommandStores.js';
import { parseOptions, required } from './parseOptions.js';
import { apiTokenDays } from './serveConfig.js';

const USAGE = [
  'Usage : pnpm canevas token create --email <e> [--name <libellé>] [--days <n>] [--data <dossier>]',
  '        pnpm canevas token list --email <e> [--json] [--data <dossier>]',
  '        pnpm canevas token revoke <id> [--data <dossier>]',
  '',
  'create affiche un jeton d’API (une seule fois : seule son empreinte est conservée).',
  'Les scripts l’envoient dans l’en-tête « Authorization: Bearer <jeton> ».',
  'Il expire après --days jours, par défaut API_TOKEN_DAYS (90).',
  'list montre les jetons d’un compte : identifiant, libellé, création, expiration, dernier usage.',
  'revoke révoque un jeton, quel qu’en soit le titulaire (identifiant donné par list).',
].join('\n');

const DAY_MS = 24 * 3600_000;

export const tokenCommand: Command = {
  name: 'token',
  usage: USAGE,
  async run(argv, io) {
    const [sub, ...rest] = argv;
    if (sub === 'create') return create(rest, io);
    if (sub === 'list') return list(rest, io);
    if (sub === 'revoke') return revoke(rest, io);
    throw new UsageError(sub === undefined ? 'Sous-commande manquante.' : `Sous-commande inconnue : ${sub}`);
  },
};

async function create(argv: string[], io: CommandIO): Promise<number> {
  const { values } = parseOptions(argv, { email: { type: 'string' }, name: { type: 'string' }, days: { type: 'string' }, data: { type: 'string' } });
  const email = required(values.email, 'email');
  const days = values.days === undefined ? apiTokenDays(io.env) : Number(values.days);
  if (!Number.isInteger(days) || days < 1 || days > 3650) {
    throw new UsageError(`--days doit être un entier entre 1 et 3650 (reçu : ${values.days}).`);
  }
  return withAccounts(values.data, io, async (accounts) => {
    const user = await accounts.findUserByEmail(email);
    if (!user) return noAccount(email, io);
    const { token, expiresAt } = await new AuthService({ accounts }).createApiToken(user.id, values.name ?? 'jeton CLI', days * DAY_MS);
    io.stdout(`${token}\n`);
    io.stderr(`Jeton valable jusqu’au ${formatDate(expiresAt)}.\n`);
    return 0;
  });
}

async function list(argv: string[], io: CommandIO): Promise<number> {
  const { values } = parseOptions(argv, { email: { type: 'string' }, json: { type: 'boolean' }, data: { type: 'string' } });
  const email = required(values.email, 'email');
  return withAccounts(values.data, io, async (accounts) => {
    const user = await accounts.findUserByEmail(email);
    if (!user) return noAccount(email, io);
    const tokens = await accounts.listApiTokens(user.id);
    if (values.json) {
      io.stdout(`${JSON.stringify(tokens.map(toJson), null, 2)}\n`);
      return 0;
    }
    if (tokens.length === 0) io.stderr(`Aucun jeton pour ${user.email}.\n`);
    const now = Date.now();
    for (const token of tokens) {
      const expires = token.expiresAt === null ? 'sans expiration' : `${token.expiresAt <= now ? 'expiré le' : 'expire le'} ${formatDate(token.expiresAt)}`;
      const used = token.lastUsedAt === null ? 'jamais utilisé' : `utilisé le ${formatDate(token.lastUsedAt)}`;
      io.stdout(`${token.id}  ${token.name}  créé le ${formatDate(token.createdAt)}  ${expires}  ${used}\n`);
    }
    return 0;
  });
}

async function revoke(argv: string[], io: CommandIO): Promise<number> {
  const { values, positionals } = parseOptions(argv, { data: { type: 'string' } });
  const [id, ...extra] = positionals;
  if (id === undefined || id.trim() === '') throw new UsageError('Donnez l’identifiant du jeton (voir « token list »).');
  if (extra.length > 0) throw new UsageError(`Argument en trop : ${extra.join(' ')}`);
  return withAccounts(values.data, io, async (accounts) => {
    if (!(await accounts.revokeApiToken(null, id))) {
      io.stderr(`Aucun jeton ${id}.\n`);
      return 1;
    }
    await accounts.audit({ at: Date.now(), userId: null, action: 'token.revoked', detail: { token: id, by: 'cli' } });
    io.stderr(`Jeton ${id} révoqué.\n`);
    return 0;
  });
}

async function withAccounts(data: string | undefined, io: CommandIO, run: (accounts: AccountStore) => Promise<number>): Promise<number> {
  const stores = await openCommandStores(data, io, { mustExist: true });
  try {
    return await run(stores.accounts);
  } finally {
    await stores.close();
  }
}

function noAccount(email: string, io: CommandIO): number {
  io.stderr(`Aucun compte pour ${email}. Créez-le avec « pnpm canevas user create ».\n`);
  return 1;
}

function toJson(token: ApiTokenRecord) {
  const iso = (at: number | null) => (at === null ? null : new Date(at).toISOString());
  return { id: token.id, name: token.name, createdAt: iso(token.createdAt), expiresAt: iso(token.expiresAt), lastUsedAt: iso(token.lastUsedAt) };
}

function formatDate(at: number | null): string {
  if (at === null) return '—';
  return new Date(at).toLocaleString('fr-FR', { dateStyle: 'short', timeStyle: 'short', timeZone: 'UTC' }) + ' UTC';
}
