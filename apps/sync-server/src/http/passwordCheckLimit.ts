import type { IncomingMessage, ServerResponse } from 'node:http';
import { TRPC_ERROR_CODES_BY_KEY } from '@trpc/server/rpc';
import { clientAddress } from '../auth/clientAddress.js';

/** The public procedures that hash a password (scrypt: CPU and 32 MiB each). */
const PASSWORD_PROCEDURES = new Set(['auth.logIn', 'auth.signUp']);

const BUSY_MESSAGE = 'Trop de connexions en cours depuis cette adresse : réessayez dans un instant.';

export interface PasswordCheckLimitOptions {
  /** Requests to a password procedure in progress at once per client address. */
  perAddress: number;
  trustedProxies: number;
}

/**
 * Login throttling counts failures, which are known only once the password is hashed: many
 * attempts sent at once from one address would all be hashed. This bounds them while they run;
 * past the bound the request gets 429 in tRPC's error shape, so the client shows the message.
 * Returns false when it answered the request itself.
 */
export function createPasswordCheckLimit(options: PasswordCheckLimitOptions) {
  const inFlight = new Map<string, number>();
  return function admit(req: IncomingMessage, res: ServerResponse, pathname: string): boolean {
    const procedures = proceduresOf(pathname);
    if (!procedures.some((procedure) => PASSWORD_PROCEDURES.has(procedure))) return true;
    const address = clientAddress(req, options.trustedProxies);
    const count = inFlight.get(address) ?? 0;
    if (count >= options.perAddress) {
      refuse(req, res, procedures);
      return false;
    }
    inFlight.set(address, count + 1);
    res.once('close', () => {
      const left = (inFlight.get(address) ?? 1) - 1;
      if (left <= 0) inFlight.delete(address);
      else inFlight.set(address, left);
    });
    return true;
  };
}

function proceduresOf(pathname: string): string[] {
  const raw = pathname.slice('/trpc/'.length);
  try {
    return decodeURIComponent(raw).split(',');
  } catch {
    return raw.split(',');
  }
}

function refuse(req: IncomingMessage, res: ServerResponse, procedures: string[]): void {
  const error = (path: string) => ({
    error: { message: BUSY_MESSAGE, code: TRPC_ERROR_CODES_BY_KEY.TOO_MANY_REQUESTS, data: { code: 'TOO_MANY_REQUESTS', httpStatus: 429, path } },
  });
  const batch = new URL(req.url ?? '/', 'http://localhost').searchParams.get('batch') === '1';
  const body = batch ? procedures.map(error) : error(procedures[0] ?? '');
  // The body is never read: close the connection rather than parse what the client still sends.
  res.writeHead(429, { 'content-type': 'application/json', 'retry-after': '1', connection: 'close' }).end(JSON.stringify(body));
}
