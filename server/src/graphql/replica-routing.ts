import type { ApolloServerPlugin } from '@apollo/server';
import type { RequestContext } from './context.js';

/** The cookie a mutation's answer sets: while it lasts, the client's requests read from the primary. */
export const WROTE_COOKIE = 'alliance_wrote';

/**
 * Read-your-writes with streaming replicas (DATABASE_REPLICA_URLS). A
 * replica replays the primary's changes a little later (milliseconds, more
 * under load), so:
 * - mutations, and everything outside GraphQL, use the primary;
 * - a mutation's answer sets a cookie (`alliance_wrote`, HttpOnly,
 *   SameSite=Strict, `stickySeconds`) and a request that carries it reads
 *   from the primary: the writer sees their own change on whichever instance
 *   answers next, with no state kept on the server;
 * - any other query reads from a replica, possibly slightly behind.
 * A client that keeps no cookies (a script) reads from a replica after its
 * write; it may send the cookie back itself.
 */
export function replicaRouting(stickySeconds: number): ApolloServerPlugin<RequestContext> {
  const carries = new RegExp(`(?:^|;\\s*)${WROTE_COOKIE}=`);
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ operation, request, contextValue }) {
          if (operation?.operation === 'query' && !carries.test(request.http?.headers.get('cookie') ?? '')) contextValue.readFromReplica = true;
        },
        async willSendResponse({ operation, response, contextValue }) {
          await contextValue.release();
          if (operation?.operation === 'mutation') {
            response.http.headers.set('set-cookie', `${WROTE_COOKIE}=1; Max-Age=${stickySeconds}; Path=/; HttpOnly; SameSite=Strict`);
          }
        },
      };
    },
  };
}
