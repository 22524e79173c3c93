import { newId } from './newId.js';

/** Document ids travel in URLs and file names: keep them to a safe alphabet. */
export const DOCUMENT_ID_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;

/** 128 random bits, base64url (22 characters), never beginning with `-` (see {@link newId}). */
export function newDocumentId(): string {
  return newId(16);
}

export function isValidDocumentId(id: string): boolean {
  return DOCUMENT_ID_PATTERN.test(id);
}
