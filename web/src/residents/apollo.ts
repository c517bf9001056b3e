import { ApolloClient, HttpLink, InMemoryCache } from '@apollo/client/core';

/** The residents' page's own client: no token, no session handling, nothing of the admin's. */
export const publicClient = new ApolloClient({
  link: new HttpLink({ uri: '/graphql' }),
  cache: new InMemoryCache({ typePolicies: { PublicAlliance: { keyFields: ['code'] } } }),
  defaultOptions: { query: { fetchPolicy: 'network-only' } },
});
