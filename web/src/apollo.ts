import { ApolloClient, ApolloLink, HttpLink, InMemoryCache, from, split } from '@apollo/client/core';
import { onError } from '@apollo/client/link/error';
import { GraphQLWsLink } from '@apollo/client/link/subscriptions';
import { getMainDefinition } from '@apollo/client/utilities';
import { createClient } from 'graphql-ws';
import { provideApolloClient } from '@vue/apollo-composable';
import { ref } from 'vue';
import { useSessionStore } from './stores/session';
import { passwordChangeRequired, sessionExpired } from './lib/session-events';

/** Adds the bearer token of the signed-in user, if any (and remembers which token the request went with). */
export const authLink = new ApolloLink((operation, forward) => {
  const token = useSessionStore().token;
  operation.setContext(({ headers = {} }: { headers?: Record<string, string> }) => ({
    sentToken: token,
    headers: token ? { ...headers, authorization: `Bearer ${token}` } : headers,
  }));
  return forward(operation);
});

interface CodedError {
  message?: string;
  extensions?: { code?: string; reason?: string };
}

/**
 * UNAUTHENTICATED anywhere (an expired, revoked or ended session): back to the
 * login page with the server's reason. PASSWORD_CHANGE_REQUIRED anywhere: to
 * the change-password screen. An answer to a token that has been replaced
 * since (a re-sign-in after a password change) ends nothing.
 */
export const sessionLink = onError(({ graphQLErrors, networkError, operation }) => {
  if (operation.operationName === 'Login') return;
  const sent = (operation.getContext() as { sentToken?: string | null }).sentToken ?? null;
  if (sent !== useSessionStore().token) return;
  const fromBody = (networkError as { result?: { errors?: CodedError[] } } | null)?.result?.errors ?? [];
  const errors: CodedError[] = [...((graphQLErrors ?? []) as CodedError[]), ...fromBody];
  const unauthenticated = errors.find((e) => e.extensions?.code === 'UNAUTHENTICATED');
  if (unauthenticated) sessionExpired(unauthenticated.message ?? null, unauthenticated.extensions?.reason ?? null);
  else if (errors.some((e) => e.extensions?.code === 'PASSWORD_CHANGE_REQUIRED')) passwordChangeRequired();
});

/** Whether the websocket is up: while it is not, the bell polls instead (NotificationBell.vue). */
export const liveConnected = ref(false);

/**
 * Subscriptions over graphql-ws on the same origin and path, signed in with
 * the session's token (read at each connect, so a new sign-in is honoured
 * at the next one). Lazy: connected while something subscribes.
 */
const wsLink =
  typeof window === 'undefined' || typeof WebSocket === 'undefined'
    ? null
    : new GraphQLWsLink(
        createClient({
          url: `${window.location.protocol === 'https:' ? 'wss' : 'ws'}://${window.location.host}/graphql`,
          connectionParams: () => {
            const token = useSessionStore().token;
            return token ? { authorization: `Bearer ${token}` } : {};
          },
          lazy: true,
          retryAttempts: Infinity,
          shouldRetry: () => true,
          on: {
            connected: () => (liveConnected.value = true),
            closed: () => (liveConnected.value = false),
          },
        }),
      );

const httpChain = from([sessionLink, authLink, new HttpLink({ uri: '/graphql' })]);
const isSubscription = ({ query }: { query: Parameters<typeof getMainDefinition>[0] }) => {
  const definition = getMainDefinition(query);
  return definition.kind === 'OperationDefinition' && definition.operation === 'subscription';
};

export const apolloClient = new ApolloClient({
  link: wsLink ? split(isSubscription, wsLink, httpChain) : httpChain,
  cache: new InMemoryCache({
    typePolicies: {
      // Singletons and value objects without ids.
      Query: { fields: { alliance: { merge: true } } },
      Dashboard: { keyFields: false },
    },
  }),
  defaultOptions: {
    watchQuery: { fetchPolicy: 'cache-and-network', errorPolicy: 'none' },
    query: { fetchPolicy: 'network-only' },
  },
});

// The client of every component's useQuery/useMutation from the moment this module has loaded
// (the pages that need it load it first: router/index.ts `withApollo`).
provideApolloClient(apolloClient);
