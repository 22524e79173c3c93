import type { ProseMirrorJSON } from '@canevas/core';

/** Keys that reach an object's prototype when assigned or read; no schema attribute uses them. */
const PROTOTYPE_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/**
 * A copy of a document body read from Yjs, made only of own data. Any client can write any
 * attribute name into the shared XML: Yjs' `getAttributes()` assigns `res['__proto__'] = value`,
 * which swaps that object's prototype, so a later `attrs.level` or `attrs.columns` would read
 * what the client put there. The copy keeps own keys only, drops the prototype ones, and drops
 * values that are not data (a Y type or a sub-document stored as an attribute).
 */
export function plainContent(json: ProseMirrorJSON): ProseMirrorJSON {
  return (plainValue(json) ?? { type: 'doc' }) as ProseMirrorJSON;
}

function plainValue(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(plainValue).filter((item) => item !== undefined);
  if (value === null || typeof value !== 'object') return typeof value === 'function' ? undefined : value;
  if (!isData(value)) return undefined;
  const copy: Record<string, unknown> = {};
  for (const key of Object.keys(value)) {
    if (PROTOTYPE_KEYS.has(key)) continue;
    const item = plainValue((value as Record<string, unknown>)[key]);
    if (item !== undefined) copy[key] = item;
  }
  return copy;
}

/**
 * A plain object, or one whose prototype a `__proto__` key replaced with other plain objects;
 * not an instance of a class (Y types, Y.Doc, typed arrays), whose own keys are internals.
 */
function isData(value: object): boolean {
  for (let proto: unknown = Object.getPrototypeOf(value); proto !== null && proto !== Object.prototype; proto = Object.getPrototypeOf(proto)) {
    if (typeof Object.getOwnPropertyDescriptor(proto, 'constructor')?.value === 'function') return false;
  }
  return true;
}
