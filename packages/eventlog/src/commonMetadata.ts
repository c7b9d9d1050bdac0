import type { EventMetadata } from './EventEnvelope.js';
import { isIsoDateTime } from './isIsoDateTime.js';
import type { PreparedMetadata } from './prepareMetadata.js';
import { quoteJson } from './quoteJson.js';

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

const ID_KEYS = ['commandId', 'causationId', 'correlationId', 'commandDigest'] as const;

const isPlainObject = (u: unknown): u is object => {
  if (typeof u !== 'object' || u === null) return false;
  const proto: unknown = Object.getPrototypeOf(u);
  return (proto === Object.prototype || proto === null) && !Array.isArray(u);
};

/** The string an own property descriptor holds, if enumerable data (an accessor is never run). */
const stringOf = (d: PropertyDescriptor | undefined): string | undefined => {
  const v: unknown = d?.value;
  return d?.enumerable === true && typeof v === 'string' ? v : undefined;
};

/** An own enumerable data property holding a string (an accessor is never run). */
const ownString = (o: object, key: string): string | undefined =>
  stringOf(Object.getOwnPropertyDescriptor(o, key));

/** The UTF-16 size `canonicalCopy` counts for a key and its string value. */
const size = (key: string, value: string): number => key.length + 4 + value.length + 2;

/**
 * The metadata most events carry (`at`, an optional `actor { id, role }` and id strings, nothing
 * else), checked and written out directly: a fresh object and its canonical JSON (keys in RFC 8785
 * order), or `undefined` for anything else, which `prepareMetadata`'s general path then decides. It
 * accepts only what that path accepts and answers as it does (a property test holds the two equal).
 * Pure.
 */
export const commonMetadata = (u: unknown, maxChars: number): PreparedMetadata | undefined => {
  if (!isPlainObject(u) || Object.getOwnPropertySymbols(u).length > 0) return undefined;
  const keys = Object.keys(u);
  const at = ownString(u, 'at');
  if (at === undefined || !isIsoDateTime(at)) return undefined;
  const out: Mutable<EventMetadata> = { at };
  let known = 1;
  let chars = size('at', at);
  for (const k of ID_KEYS) {
    const d = Object.getOwnPropertyDescriptor(u, k);
    if (d === undefined) continue;
    const v = stringOf(d);
    if (v === undefined) return undefined;
    out[k] = v;
    chars += size(k, v);
    known++;
  }
  let actorJson = '';
  const d = Object.getOwnPropertyDescriptor(u, 'actor');
  if (d !== undefined) {
    const actor: unknown = d.value;
    if (d.enumerable !== true || !isPlainObject(actor) || actor === u) return undefined;
    if (Object.getOwnPropertySymbols(actor).length > 0 || Object.keys(actor).length !== 2)
      return undefined;
    const id = ownString(actor, 'id');
    const role = ownString(actor, 'role');
    if (id === undefined || role === undefined) return undefined;
    out.actor = { id, role };
    chars += 'actor'.length + 4 + size('id', id) + size('role', role);
    actorJson = `"actor":{"id":${quoteJson(id)},"role":${quoteJson(role)}},`;
    known++;
  }
  if (known !== keys.length || chars > maxChars) return undefined;
  let json = `{${actorJson}"at":${quoteJson(at)}`;
  if (out.causationId !== undefined) json += `,"causationId":${quoteJson(out.causationId)}`;
  if (out.commandDigest !== undefined) json += `,"commandDigest":${quoteJson(out.commandDigest)}`;
  if (out.commandId !== undefined) json += `,"commandId":${quoteJson(out.commandId)}`;
  if (out.correlationId !== undefined) json += `,"correlationId":${quoteJson(out.correlationId)}`;
  json += '}';
  // A lone surrogate comes out escaped (`\udXXX`): the general path refuses it with its error.
  return json.includes('\\ud') ? undefined : { metadata: out, json };
};
