import { TRPCClientError } from '@trpc/client';

export const UNREACHABLE_MESSAGE = 'Impossible de joindre le serveur.';

/**
 * The server words its errors in French for users; anything without a tRPC error shape (fetch
 * failed, proxy answered 502 with HTML) means the server could not be reached.
 */
export function apiErrorMessage(error: unknown): string {
  if (error instanceof TRPCClientError && error.data && typeof error.message === 'string' && error.message !== '') {
    return error.message;
  }
  return UNREACHABLE_MESSAGE;
}

export function isNotFound(error: unknown): boolean {
  return error instanceof TRPCClientError && (error.data as { code?: string } | undefined)?.code === 'NOT_FOUND';
}
