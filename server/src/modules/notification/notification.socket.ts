import type { Server } from 'node:http';
import { GraphQLError, getOperationAST, parse, validate, type GraphQLSchema } from 'graphql';
import { useServer } from 'graphql-ws/use/ws';
import { WebSocketServer, type WebSocket } from 'ws';
import type { ChangeFeed } from '../../database/change-feed.js';
import type { RequestContext } from '../../graphql/context.js';
import { ACCOUNT_CHANGED } from '../auth/account-registry.js';

interface Connection {
  authorization: string | undefined;
  clientIp: string;
  userId: string;
}

/** graphql-ws's close code for a refused connection (its Forbidden). */
const FORBIDDEN = 4403;

function authorizationOf(params: Readonly<Record<string, unknown>> | undefined): string | undefined {
  const value = params?.authorization ?? params?.Authorization;
  return typeof value === 'string' ? value : undefined;
}

/**
 * GraphQL subscriptions (notificationAdded) over graphql-ws on the HTTP
 * server's own port and path, /graphql. A connection signs in with the same
 * bearer token as a request (connectionParams.authorization) and is the same
 * caller: refused (4403) without a valid one, and closed the moment its
 * account is disabled, deleted, re-passworded or changes role, unit or grid
 * (heard on the change feed, on every instance). Only subscriptions are
 * served here; queries and mutations go over HTTP, through all its limits.
 */
export function serveSubscriptions(
  httpServer: Server,
  schema: GraphQLSchema,
  feed: ChangeFeed,
  makeContext: (authorization: string | undefined, clientIp: string) => Promise<RequestContext>,
  options: { production: boolean; maxTokens: number },
): { dispose(): Promise<void> } {
  const wsServer = new WebSocketServer({ server: httpServer, path: '/graphql' });
  const connections = new Map<WebSocket, Connection>();

  /** Closes the connections whose account no longer stands behind their token. */
  const recheck = async (userId: string | null) => {
    for (const [socket, c] of connections) {
      if (userId && c.userId !== userId) continue;
      const ctx = await makeContext(c.authorization, c.clientIp).catch(() => null);
      if (ctx && ctx.user?.id === c.userId) continue;
      connections.delete(socket);
      socket.close(FORBIDDEN, 'Forbidden');
    }
  };
  feed.on(ACCOUNT_CHANGED, (id) => void recheck(id));
  feed.onReset(() => void recheck(null));

  const disposable = useServer<Record<string, unknown>, { connection: Connection }>(
    {
      schema,
      isProd: options.production,
      onConnect: async (ctx) => {
        const authorization = authorizationOf(ctx.connectionParams);
        const clientIp = ctx.extra.request.socket.remoteAddress ?? 'unknown';
        const rc = await makeContext(authorization, clientIp);
        if (!rc.user) return false;
        const connection = { authorization, clientIp, userId: rc.user.id };
        connections.set(ctx.extra.socket, connection);
        ctx.extra.connection = connection;
        return true;
      },
      onClose: (ctx) => void connections.delete(ctx.extra.socket),
      onSubscribe: (_ctx, _id, payload) => {
        let document;
        try {
          document = parse(payload.query, { maxTokens: options.maxTokens });
        } catch (err) {
          return [err instanceof GraphQLError ? err : new GraphQLError('Syntax error')];
        }
        const operation = getOperationAST(document, payload.operationName);
        if (operation?.operation !== 'subscription') {
          return [new GraphQLError('Only subscriptions are served over the websocket; send queries and mutations over HTTP', { extensions: { code: 'BAD_REQUEST' } })];
        }
        const errors = validate(schema, document);
        if (errors.length) return errors;
        return { schema, document, operationName: payload.operationName, variableValues: payload.variables ?? undefined };
      },
      // Each subscription is a caller of its own: the account as it is now.
      context: async (ctx) => {
        const c = ctx.extra.connection!;
        return makeContext(c.authorization, c.clientIp);
      },
    },
    wsServer,
  );

  return {
    async dispose() {
      await disposable.dispose();
    },
  };
}
