import { print } from 'graphql';
import type { LoginMutation, LoginMutationVariables } from '../gql/graphql';
import { LOGIN } from '../graphql/auth';

/**
 * The login page's one request, without Apollo: the login page is what a
 * phone loads first, and Apollo (cache, links, subscriptions: ~50 KB gzip) is
 * for the pages behind it, which load it beside their own code
 * (router/index.ts `withApollo`). A refusal comes back as `graphQLErrors`,
 * what describeError (lib/errors.ts) reads; an unreachable server as a
 * rejected fetch (NETWORK).
 */
export async function signInRequest(variables: LoginMutationVariables): Promise<LoginMutation['login']> {
  const response = await fetch('/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json' },
    body: JSON.stringify({ operationName: 'Login', query: print(LOGIN), variables }),
  });
  const body = (await response.json()) as { data?: LoginMutation | null; errors?: unknown[] };
  if (body.errors?.length) throw { graphQLErrors: body.errors };
  if (!body.data?.login) throw new Error(`sign-in answered ${response.status} without a session`);
  return body.data.login;
}
