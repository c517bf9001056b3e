import { ApolloClient, ApolloLink, HttpLink, InMemoryCache, from } from '@apollo/client/core';
import { onError } from '@apollo/client/link/error';
import { useSessionStore } from './stores/session';
import { sessionExpired } from './lib/session-events';

/** Adds the bearer token of the signed-in user, if any. */
const authLink = new ApolloLink((operation, forward) => {
  const token = useSessionStore().token;
  if (token) operation.setContext(({ headers = {} }: { headers?: Record<string, string> }) => ({ headers: { ...headers, authorization: `Bearer ${token}` } }));
  return forward(operation);
});

/** UNAUTHENTICATED anywhere (an expired or revoked token): back to the login page. */
const expiryLink = onError(({ graphQLErrors, networkError, operation }) => {
  if (operation.operationName === 'Login') return;
  const fromBody = (networkError as { result?: { errors?: { extensions?: { code?: string } }[] } } | null)?.result?.errors ?? [];
  const codes = [...(graphQLErrors ?? []), ...fromBody].map((e) => e.extensions?.code);
  if (codes.includes('UNAUTHENTICATED')) sessionExpired();
});

export const apolloClient = new ApolloClient({
  link: from([expiryLink, authLink, new HttpLink({ uri: '/graphql' })]),
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
