import { afterEach, describe, expect, it } from 'vitest';
import { flushPromises } from '@vue/test-utils';
import { GraphQLError } from 'graphql';
import { INVALID_REASON_LABELS, LIMITS } from '@alliance/shared';
import ChangePasswordForm from '../account/ChangePasswordForm.vue';
import { mountAs, user, type Handler } from '../../__tests__/mount';

const zh = INVALID_REASON_LABELS['zh-CN'];
const body = () => document.body;
const input = (test: string) => body().querySelector<HTMLInputElement>(`[data-test="${test}"] input, input[data-test="${test}"]`)!;
const settle = async () => {
  await flushPromises();
  await new Promise((r) => setTimeout(r, 150));
  await flushPromises();
};
async function type(test: string, value: string) {
  const el = input(test);
  el.value = value;
  el.dispatchEvent(new Event('input'));
  el.dispatchEvent(new FocusEvent('blur'));
  await flushPromises();
}
async function submit() {
  body().querySelector<HTMLElement>('[data-test="password-submit"]')!.click();
  await settle();
}
/** The error under the form item of this input. */
const errorOf = (test: string) => input(test).closest('.el-form-item')!.querySelector('.el-form-item__error')?.textContent?.trim() ?? null;
const loginRoute = [{ path: '/login', name: 'login', component: { render: () => null } }];

const liaison = user('UNIT_ADMIN', { id: 'u-new', username: 'li.hua', displayName: '李华（松风小学）', unit: { id: 'unit-1', name: '松风小学' }, mustChangePassword: true });

afterEach(() => {
  document.body.innerHTML = '';
});

describe('the change-password form', () => {
  it("shows the rules with the role's minimum length", async () => {
    await mountAs(ChangePasswordForm, liaison);
    const rules = body().querySelector('[data-test="password-rules"]')!.textContent!;
    expect(rules).toContain(`至少 ${LIMITS.password.min} 位，最多 ${LIMITS.password.max} 位`);
    document.body.innerHTML = '';
    await mountAs(ChangePasswordForm, user('COMMITTEE_ADMIN'));
    expect(body().querySelector('[data-test="password-rules"]')!.textContent).toContain(`至少 ${LIMITS.password.minCommittee} 位`);
  });

  it('checks the new password with checkPasswordShape (and against the current one) before sending anything', async () => {
    const { calls } = await mountAs(ChangePasswordForm, liaison);
    await submit();
    expect(errorOf('password-current')).toBe(zh.REQUIRED);
    expect(errorOf('password-new')).toBe(zh.REQUIRED);

    await type('password-current', 'Tmp-2xYz-91');
    await type('password-new', 'short-9');
    await submit();
    expect(errorOf('password-new')).toBe(zh.TOO_SHORT);

    await type('password-new', 'Tmp-2xYz-91');
    await submit();
    expect(errorOf('password-new')).toBe(zh.SAME_AS_CURRENT);

    await type('password-new', '松风小学的银杏树很高');
    await type('password-confirm', '松风小学的银杏树很矮');
    await submit();
    expect(errorOf('password-new')).toBeNull();
    expect(errorOf('password-confirm')).toBe('两次输入的新密码不一致');
    expect(calls.map((c) => c.operationName)).toEqual([]);
  });

  it('refuses the username as the password', async () => {
    const { calls } = await mountAs(ChangePasswordForm, user('GRID_WORKER', { username: 'songshan.grid07' }));
    await type('password-current', 'whatever-it-was');
    await type('password-new', 'SongShan.Grid07');
    await type('password-confirm', 'SongShan.Grid07');
    await submit();
    expect(errorOf('password-new')).toBe(zh.SAME_AS_USERNAME);
    expect(calls).toHaveLength(0);
  });

  it("shows the server's reasons under their fields and keeps what was typed", async () => {
    let answer: 'WRONG_PASSWORD' | 'TOO_COMMON' = 'WRONG_PASSWORD';
    const handler: Handler = () => {
      const field = answer === 'WRONG_PASSWORD' ? 'currentPassword' : 'newPassword';
      return { errors: [new GraphQLError(`${field}: ${answer}`, { extensions: { code: 'BAD_USER_INPUT', field, reason: answer } })] };
    };
    const { calls } = await mountAs(ChangePasswordForm, liaison, { handler });
    await type('password-current', 'not-the-temporary-one');
    await type('password-new', 'password1234');
    await type('password-confirm', 'password1234');
    await submit();
    expect(calls.map((c) => c.operationName)).toEqual(['ChangePassword']);
    expect(calls[0]!.variables).toEqual({ currentPassword: 'not-the-temporary-one', newPassword: 'password1234' });
    expect(errorOf('password-current')).toBe(zh.WRONG_PASSWORD);
    expect(input('password-new').value).toBe('password1234');

    answer = 'TOO_COMMON';
    await submit();
    expect(errorOf('password-current')).toBeNull();
    expect(errorOf('password-new')).toBe(zh.TOO_COMMON);
  });

  it('after the change signs in again with the username and the new password, and the session goes on', async () => {
    const handler: Handler = (op) => {
      if (op.operationName === 'ChangePassword') return { data: { changePassword: true } };
      if (op.operationName === 'Login')
        return { data: { login: { __typename: 'AuthPayload', token: 'token-after-change', user: { __typename: 'User', ...liaison, mustChangePassword: false } } } };
      return { data: {} };
    };
    const { calls, session, wrapper } = await mountAs(ChangePasswordForm, liaison, { handler, props: { temporary: true } });
    expect(input('password-current').closest('.el-form-item')!.querySelector('label')!.textContent).toBe('临时密码');
    expect(session.mustChangePassword).toBe(true);
    await type('password-current', 'Tmp-2xYz-91');
    await type('password-new', '松风小学的银杏树很高');
    await type('password-confirm', '松风小学的银杏树很高');
    await submit();
    expect(calls.map((c) => [c.operationName, c.variables])).toEqual([
      ['ChangePassword', { currentPassword: 'Tmp-2xYz-91', newPassword: '松风小学的银杏树很高' }],
      ['Login', { username: 'li.hua', password: '松风小学的银杏树很高' }],
    ]);
    expect(session.token).toBe('token-after-change');
    expect(session.mustChangePassword).toBe(false);
    expect(JSON.parse(localStorage.getItem('alliance.session')!).token).toBe('token-after-change');
    expect(wrapper.emitted('changed')).toHaveLength(1);
    // The form is emptied: no password stays on the page.
    expect(input('password-new').value).toBe('');
    expect(body().querySelector('.el-message')?.textContent).toContain('已使用新密码自动重新登录');
  });

  it('if signing in again fails, the user is sent to the login page to sign in with the new password', async () => {
    const handler: Handler = (op) =>
      op.operationName === 'ChangePassword' ? { data: { changePassword: true } } : { errors: [new GraphQLError('Wrong username or password', { extensions: { code: 'UNAUTHENTICATED' } })] };
    const { session, router, wrapper } = await mountAs(ChangePasswordForm, liaison, { handler, routes: loginRoute });
    await type('password-current', 'Tmp-2xYz-91');
    await type('password-new', '松风小学的银杏树很高');
    await type('password-confirm', '松风小学的银杏树很高');
    await submit();
    expect(session.signedIn).toBe(false);
    expect(session.endedReason).toBe('passwordChanged');
    expect(router.currentRoute.value.name).toBe('login');
    expect(wrapper.emitted('changed')).toBeUndefined();
  });
});
