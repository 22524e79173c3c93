import { AuthService } from '../accounts/AuthService.js';
import { SqliteAccountStore } from '../accounts/SqliteAccountStore.js';
import { UsageError, type Command } from './Command.js';
import { dataDirOf, openDataStore } from './openDataStore.js';
import { parseOptions, required } from './parseOptions.js';

const USAGE = [
  'Usage : pnpm canevas token create --email <e> [--name <libellé>] [--days <n>] [--data <dossier>]',
  '',
  'Affiche un jeton d’API (une seule fois : seule son empreinte est conservée).',
  'Les scripts l’envoient dans l’en-tête « Authorization: Bearer <jeton> ».',
].join('\n');

export const tokenCommand: Command = {
  name: 'token',
  summary: 'jetons d’API : create',
  usage: USAGE,
  async run(argv, io) {
    const [sub, ...rest] = argv;
    if (sub !== 'create') throw new UsageError(sub === undefined ? 'Sous-commande manquante.' : `Sous-commande inconnue : ${sub}`);
    const { values } = parseOptions(rest, { email: { type: 'string' }, name: { type: 'string' }, days: { type: 'string' }, data: { type: 'string' } });
    const email = required(values.email, 'email');
    const days = values.days === undefined ? undefined : Number(values.days);
    if (days !== undefined && (!Number.isInteger(days) || days < 1 || days > 3650)) {
      throw new UsageError(`--days doit être un entier entre 1 et 3650 (reçu : ${values.days}).`);
    }
    const store = openDataStore(dataDirOf(values.data, io.env), { create: false });
    try {
      const accounts = new SqliteAccountStore(store.database);
      const user = await accounts.findUserByEmail(email);
      if (!user) {
        io.stderr(`Aucun compte pour ${email}. Créez-le avec « pnpm canevas user create ».\n`);
        return 1;
      }
      const { token } = await new AuthService({ accounts }).createApiToken(user.id, values.name ?? 'jeton CLI', days && days * 24 * 3600_000);
      io.stdout(`${token}\n`);
      return 0;
    } finally {
      await store.close();
    }
  },
};
