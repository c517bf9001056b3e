import { describe, expect, it } from 'vitest';
import { ApolloError } from '@apollo/client/core';
import { GraphQLError } from 'graphql';
import { ERROR_CODE_LABELS, INVALID_REASON_LABELS, type ErrorCode } from '@alliance/shared';
import { describeError } from '../errors';

const gqlError = (code: string, extra: Record<string, unknown> = {}, message = 'server text in English') =>
  new ApolloError({ graphQLErrors: [new GraphQLError(message, { extensions: { code, ...extra } })] });

describe('an API error becomes a sentence a person understands', () => {
  it.each(Object.keys(ERROR_CODE_LABELS['zh-CN']).filter((c) => c !== 'BAD_USER_INPUT') as ErrorCode[])('%s in both languages', (code) => {
    const zh = describeError(gqlError(code), 'zh-CN');
    const en = describeError(gqlError(code), 'en');
    expect(zh.code).toBe(code);
    expect(zh.message).toBe(ERROR_CODE_LABELS['zh-CN'][code]);
    expect(en.message).toBe(ERROR_CODE_LABELS.en[code]);
    expect(zh.message).not.toContain('server text');
  });

  it('BAD_USER_INPUT names the form field (last path segment) and the reason', () => {
    const info = describeError(gqlError('BAD_USER_INPUT', { field: 'input.contactPhone', reason: 'INVALID_PHONE' }), 'zh-CN');
    expect(info).toMatchObject({ code: 'BAD_USER_INPUT', field: 'contactPhone', reason: 'INVALID_PHONE', reloadable: false });
    expect(info.message).toBe(INVALID_REASON_LABELS['zh-CN'].INVALID_PHONE);
    expect(describeError(gqlError('BAD_USER_INPUT', { field: 'comment', reason: 'REQUIRED' }), 'en').message).toBe('Required');
  });

  it('BAD_USER_INPUT with an unknown reason falls back to the code label', () => {
    const info = describeError(gqlError('BAD_USER_INPUT', { field: 'x', reason: 'isWhatever' }), 'en');
    expect(info.reason).toBeNull();
    expect(info.message).toBe(ERROR_CODE_LABELS.en.BAD_USER_INPUT);
  });

  it('CONFLICT offers a reload; the others do not', () => {
    expect(describeError(gqlError('CONFLICT'), 'zh-CN').reloadable).toBe(true);
    expect(describeError(gqlError('FORBIDDEN'), 'zh-CN').reloadable).toBe(false);
  });

  it('CONFLICT with a reason is worded from it (the cap names its limit) and offers no reload', () => {
    const zh = describeError(gqlError('CONFLICT', { reason: 'CLAIM_LIMIT_REACHED', limit: 5, open: 5 }), 'zh-CN');
    expect(zh).toMatchObject({ code: 'CONFLICT', conflictReason: 'CLAIM_LIMIT_REACHED', reloadable: false });
    expect(zh.message).toBe('本单位已有5件认领中的需求，达到联盟上限；请待其中一件办结、关闭或不予受理后再认领');
    expect(describeError(gqlError('CONFLICT', { reason: 'CLAIM_LIMIT_REACHED', limit: 3 }), 'en').message).toContain('already holds 3 open claims');
    expect(describeError(gqlError('CONFLICT', { reason: 'ALREADY_CLAIMED' }), 'zh-CN').message).toBe('本单位已认领过这件需求');
    // An unknown reason is a plain CONFLICT.
    expect(describeError(gqlError('CONFLICT', { reason: 'SOMETHING_NEW' }), 'zh-CN')).toMatchObject({ reloadable: true, message: ERROR_CODE_LABELS['zh-CN'].CONFLICT });
  });

  it('an unknown code is reported as a server error, never as its raw text', () => {
    const info = describeError(gqlError('SOMETHING_NEW', {}, 'relation "x" does not exist'), 'zh-CN');
    expect(info.code).toBe('INTERNAL_SERVER_ERROR');
    expect(info.message).toBe(ERROR_CODE_LABELS['zh-CN'].INTERNAL_SERVER_ERROR);
  });

  it('errors in an HTTP error body (status 400) are read too', () => {
    const networkError = Object.assign(new Error('Response not successful'), {
      result: { errors: [{ message: 'Cannot query field', extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } }] },
      statusCode: 400,
    });
    const info = describeError(new ApolloError({ networkError }), 'en');
    expect(info.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(info.message).toBe(ERROR_CODE_LABELS.en.GRAPHQL_VALIDATION_FAILED);
  });

  it('RATE_LIMITED says when to try again (extensions.retryAfterSeconds)', () => {
    const zh = describeError(gqlError('RATE_LIMITED', { retryAfterSeconds: 42.3 }), 'zh-CN');
    expect(zh).toMatchObject({ code: 'RATE_LIMITED', retryAfterSeconds: 43 });
    expect(zh.message).toBe(`${ERROR_CODE_LABELS['zh-CN'].RATE_LIMITED}（请 43 秒后再试）`);
    expect(describeError(gqlError('RATE_LIMITED', { retryAfterSeconds: 5 }), 'en').message).toBe(`${ERROR_CODE_LABELS.en.RATE_LIMITED} (try again in 5 s)`);
    expect(describeError(gqlError('RATE_LIMITED'), 'en').message).toBe(ERROR_CODE_LABELS.en.RATE_LIMITED);
  });

  it('no answer at all is a network problem', () => {
    const info = describeError(new ApolloError({ networkError: new TypeError('Failed to fetch') }), 'zh-CN');
    expect(info.code).toBe('NETWORK');
    expect(info.message).toContain('网络');
  });
});
