#!/usr/bin/env node
// @ts-check
/* global process, TextEncoder */
import { readFile } from 'node:fs/promises';
import { pathToFileURL } from 'node:url';
import { importPKCS8, SignJWT } from 'jose';

/**
 * Signs a test token: `sub` acting in `roles`, for `issuer` and `audience`, valid `ttlSeconds` from
 * `now`. Keys as in `loadVerificationKey`: an HS256 secret, or a PKCS#8 private key for EdDSA/ES256.
 * Does I/O (crypto).
 * @example await mintToken({ key: secretBytes, alg: 'HS256', sub: 'p001', roles: ['public'], issuer, audience, now: new Date(), ttlSeconds: 3600 })
 * @param {{ key: import('jose').CryptoKey | Uint8Array, alg: string, sub: string, roles: readonly string[], issuer: string, audience: string, now: Date, ttlSeconds: number }} o
 */
export const mintToken = (o) => {
  const iat = Math.floor(o.now.getTime() / 1000);
  return new SignJWT({ roles: [...o.roles] })
    .setProtectedHeader({ alg: o.alg })
    .setSubject(o.sub)
    .setIssuer(o.issuer)
    .setAudience(o.audience)
    .setIssuedAt(iat)
    .setExpirationTime(iat + o.ttlSeconds)
    .sign(o.key);
};

/**
 * The script: `node mintToken.js --sub ID --roles a,b [--ttl SECONDS] [--issuer I] [--audience A]`
 * with `STRIVE_JWT_SECRET` set (HS256), or `--private-key FILE --alg EdDSA|ES256`; prints the token.
 * @param {readonly string[]} args
 */
const main = async (args) => {
  const flag = (/** @type {string} */ name, /** @type {string} */ fallback) => {
    const i = args.indexOf(name);
    return i >= 0 ? (args[i + 1] ?? fallback) : fallback;
  };
  const privateKeyFile = flag('--private-key', '');
  const alg = privateKeyFile === '' ? 'HS256' : flag('--alg', 'EdDSA');
  const secret = process.env['STRIVE_JWT_SECRET'] ?? '';
  if (privateKeyFile === '' && secret === '') {
    process.stderr.write(
      'mintToken: set STRIVE_JWT_SECRET or pass --private-key FILE --alg EdDSA|ES256\n',
    );
    return 2;
  }
  const key =
    privateKeyFile === ''
      ? new TextEncoder().encode(secret)
      : await importPKCS8(await readFile(privateKeyFile, 'utf8'), alg);
  const token = await mintToken({
    key,
    alg,
    sub: flag('--sub', ''),
    roles: flag('--roles', '')
      .split(',')
      .filter((r) => r !== ''),
    issuer: flag('--issuer', 'strive-example'),
    audience: flag('--audience', 'strive-campaign'),
    now: new Date(),
    ttlSeconds: Number(flag('--ttl', '3600')),
  });
  process.stdout.write(`${token}\n`);
  return 0;
};

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href)
  process.exitCode = await main(process.argv.slice(2));
