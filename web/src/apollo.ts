import { ApolloClient, ApolloLink, HttpLink, InMemoryCache, from } from '@apollo/client/core';
import { onError } from '@apollo/client/link/error';
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

export const apolloClient = new ApolloClient({
  link: from([sessionLink, authLink, new HttpLink({ uri: '/graphql' })]),
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
