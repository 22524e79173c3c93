import { randomBytes } from 'node:crypto';

/**
 * A random id of `bytes` random bytes in base64url, for every record the server names
 * (documents, workspaces, accounts, invitations, API tokens, comments, evidence links,
 * submissions, export jobs). It travels in URLs, file names and command lines, so it never
 * begins with `-`: `--workspace -Xy…` would read as an option. A draw that does (1 in 64) is
 * drawn again, which keeps the length and alphabet of the ids made before, and old ids that do
 * begin with `-` stay valid everywhere (the CLI reads them too, see `parseOptions`).
 */
export function newId(bytes: number, random: (size: number) => Uint8Array = randomBytes): string {
  for (;;) {
    const id = Buffer.from(random(bytes)).toString('base64url');
    if (!id.startsWith('-')) return id;
  }
}
