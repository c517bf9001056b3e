import { ApolloError } from '@apollo/client/core';
import {
  CONFLICT_REASON_LABELS,
  ERROR_CODE_LABELS,
  INVALID_REASON_LABELS,
  type ConflictReason,
  type ErrorCode,
  type InvalidReason,
  type Locale,
} from '@alliance/shared';

/** What a person is told about a failed request. */
export interface ErrorInfo {
  code: ErrorCode | 'NETWORK';
  message: string;
  /** For BAD_USER_INPUT: the input field, as the form names it (last path segment). */
  field: string | null;
  reason: InvalidReason | null;
  /** CONFLICT: someone changed the record, or its status moved on: offer a reload. */
  reloadable: boolean;
  /** RATE_LIMITED: when to try again (also said in the message). */
  retryAfterSeconds: number | null;
  /** CONFLICT with a reason the admin words itself (e.g. CLAIM_LIMIT_REACHED): no reload would help. */
  conflictReason?: ConflictReason;
}

interface RawError {
  message?: string;
  extensions?: { code?: string; field?: string; reason?: string; retryAfterSeconds?: number; limit?: number };
}

const NETWORK_MESSAGE: Record<Locale, string> = {
  'zh-CN': '无法连接服务器，请检查网络后重试',
  en: 'Cannot reach the server; check the connection and try again',
};

const RETRY_AFTER: Record<Locale, (seconds: number) => string> = {
  'zh-CN': (s) => `（请 ${s} 秒后再试）`,
  en: (s) => ` (try again in ${s} s)`,
};

function rawErrors(err: unknown): RawError[] {
  if (err instanceof ApolloError) {
    const fromBody = (err.networkError as { result?: { errors?: RawError[] } } | null)?.result?.errors ?? [];
    return [...(err.graphQLErrors as RawError[]), ...fromBody];
  }
  if (err && typeof err === 'object' && 'graphQLErrors' in err) return (err as { graphQLErrors: RawError[] }).graphQLErrors;
  if (err && typeof err === 'object' && 'extensions' in err) return [err as RawError];
  return [];
}

function isKnownCode(code: string | undefined): code is ErrorCode {
  return !!code && code in ERROR_CODE_LABELS['zh-CN'];
}

function isConflictReason(reason: string | undefined): reason is ConflictReason {
  return !!reason && reason in CONFLICT_REASON_LABELS['zh-CN'];
}

function isKnownReason(reason: string | undefined): reason is InvalidReason {
  return !!reason && reason in INVALID_REASON_LABELS['zh-CN'];
}

/**
 * The first error of a failed request, as a sentence in the user's language:
 * codes and invalid-input reasons come from @alliance/shared's label tables;
 * the server's English text is never shown as such.
 */
export function describeError(err: unknown, locale: Locale): ErrorInfo {
  const first = rawErrors(err)[0];
  if (!first) return { code: 'NETWORK', message: NETWORK_MESSAGE[locale], field: null, reason: null, reloadable: false, retryAfterSeconds: null };
  const rawCode = first.extensions?.code;
  const code: ErrorCode = isKnownCode(rawCode) ? rawCode : 'INTERNAL_SERVER_ERROR';
  if (code === 'BAD_USER_INPUT') {
    const field = first.extensions?.field ? first.extensions.field.split('.').pop()! : null;
    const reason = isKnownReason(first.extensions?.reason) ? first.extensions!.reason : null;
    const message = reason ? INVALID_REASON_LABELS[locale][reason] : ERROR_CODE_LABELS[locale].BAD_USER_INPUT;
    return { code, message, field, reason, reloadable: false, retryAfterSeconds: null };
  }
  const retry = first.extensions?.retryAfterSeconds;
  if (code === 'RATE_LIMITED' && typeof retry === 'number' && retry > 0) {
    const seconds = Math.ceil(retry);
    return { code, message: ERROR_CODE_LABELS[locale][code] + RETRY_AFTER[locale](seconds), field: null, reason: null, reloadable: false, retryAfterSeconds: seconds };
  }
  const why = first.extensions?.reason;
  if (code === 'CONFLICT' && isConflictReason(why)) {
    const limit = first.extensions?.limit;
    const message = CONFLICT_REASON_LABELS[locale][why].replace('{limit}', typeof limit === 'number' ? String(limit) : '');
    return { code, message, field: null, reason: null, reloadable: false, retryAfterSeconds: null, conflictReason: why };
  }
  return { code, message: ERROR_CODE_LABELS[locale][code], field: null, reason: null, reloadable: code === 'CONFLICT', retryAfterSeconds: null };
}
