import type { Principal } from '@strive/engine';

// #region sessions
/** What the host app already keeps about a signed-in user (its own tables, its own roles). */
export interface Session {
  readonly userId: string;
  readonly campaignRoles: readonly string[];
}

/**
 * An `authenticate` for `@strive/http` from the host app's own sessions: the `sid` cookie names a
 * session, the session names the user and the roles the app gave them in the campaign. No session,
 * no principal (401). Does I/O (whatever `lookup` does).
 */
export const sessionAuthenticate =
  (lookup: (sessionId: string) => Promise<Session | undefined>) =>
  async (request: Request): Promise<Principal | undefined> => {
    const sid = /(?:^|;\s*)sid=([^;]+)/.exec(request.headers.get('cookie') ?? '')?.[1];
    const session = sid === undefined ? undefined : await lookup(sid);
    return session === undefined
      ? undefined
      : { id: session.userId, roles: [...session.campaignRoles] };
  };
// #endregion sessions
