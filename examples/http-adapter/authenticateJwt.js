// @ts-check
/* global TextEncoder */
import { readFile } from 'node:fs/promises';
import { importSPKI, jwtVerify } from 'jose';

/**
 * @typedef {object} JwtOptions
 * @property {import('jose').CryptoKey | Uint8Array} key the HS256 secret's bytes, or an imported public key
 * @property {readonly string[]} algorithms the algorithms accepted (never `none`)
 * @property {string} issuer the `iss` every token must carry
 * @property {string} audience the `aud` every token must name
 * @property {string} [rolesClaim] the claim listing the roles (default `roles`)
 * @property {() => Date} [clock] the clock `exp` and `nbf` are checked against (default: the system clock)
 */

/**
 * The key a server verifies tokens with: HS256 from a shared secret, or EdDSA/ES256 from a public key
 * file (PEM, SPKI). Does I/O (reads the file).
 * @param {{ secret: string } | { publicKeyFile: string, alg: 'EdDSA' | 'ES256' }} source
 * @returns {Promise<{ key: import('jose').CryptoKey | Uint8Array, algorithms: string[] }>}
 */
export const loadVerificationKey = async (source) => {
  if ('secret' in source) {
    if (source.secret.length < 32)
      throw new Error(
        'the HS256 secret must be at least 32 characters; generate one with `openssl rand -base64 32`',
      );
    return { key: new TextEncoder().encode(source.secret), algorithms: ['HS256'] };
  }
  const pem = await readFile(source.publicKeyFile, 'utf8');
  return { key: await importSPKI(pem, source.alg), algorithms: [source.alg] };
};

// #region jwt
/**
 * An `authenticate` for `@strive/http` from bearer JWTs: the signature, algorithm, issuer, audience
 * and expiry are checked (jose), the principal is the `sub` acting in the roles of the roles claim;
 * any failure is `undefined` (401). Does I/O (crypto).
 * @example
 * const { key, algorithms } = await loadVerificationKey({ secret: process.env.JWT_SECRET });
 * const authenticate = createJwtAuthenticator({ key, algorithms, issuer: 'https://id.example', audience: 'strive' });
 * @param {JwtOptions} options
 * @returns {(request: Request) => Promise<import('@strive/engine').Principal | undefined>}
 */
export const createJwtAuthenticator = (options) => {
  const rolesClaim = options.rolesClaim ?? 'roles';
  const clock = options.clock ?? (() => new Date());
  return async (request) => {
    const token = /^Bearer ([A-Za-z0-9._~+/-]+=*)$/.exec(
      request.headers.get('authorization') ?? '',
    )?.[1];
    if (token === undefined) return undefined;
    try {
      const { payload } = await jwtVerify(token, options.key, {
        algorithms: [...options.algorithms],
        issuer: options.issuer,
        audience: options.audience,
        currentDate: clock(),
        requiredClaims: ['sub', 'exp'],
      });
      const roles = payload[rolesClaim];
      if (typeof payload.sub !== 'string' || payload.sub === '') return undefined;
      if (!Array.isArray(roles) || !roles.every((r) => typeof r === 'string')) return undefined;
      return { id: payload.sub, roles: roles.map(String) };
    } catch {
      return undefined; // expired, wrongly signed, wrong issuer or audience, malformed
    }
  };
};
// #endregion jwt
