import { newId } from './newId.js';

/** 128 random bits, base64url (22 characters), never beginning with `-` (see {@link newId}). */
export function newDocumentId(): string {
  return newId(16);
}
