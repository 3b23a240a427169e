import type { OperationDescription } from '../../../openapi/types.ts';
import { LoginAnswer, LoginBody, MeAnswer, PasswordChange } from './schemas.ts';

export const operations: OperationDescription[] = [
  {
    method: 'post', path: '/v1/operator/auth/login', operationId: 'operatorLogin', tag: 'operator-auth', security: 'none',
    summary: 'Sign in with email and password: sets the `waygo_session` cookie and answers the session\'s CSRF token',
    description: 'The cookie is HttpOnly, SameSite=Strict, Path=/, Secure over TLS; the session ends after 30 minutes idle or 12 hours. '
      + 'Five wrong passwords in a row lock the account for 15 minutes; every refusal is the same 401 invalid_credentials, '
      + 'so the answer never says whether an email has an account or is locked.',
    body: { name: 'OperatorLogin', schema: LoginBody },
    responses: { 200: { description: 'signed in', body: { name: 'OperatorLoginAnswer', schema: LoginAnswer } } },
    errors: [
      { status: 401, code: 'invalid_credentials', description: 'unknown email, wrong password, disabled or locked account (deliberately not told apart)' },
      { status: 429, code: 'rate_limited', description: 'more than 10 attempts from this address within a minute; Retry-After says when to try again' },
    ],
  },
  {
    method: 'get', path: '/v1/operator/auth/me', operationId: 'operatorMe', tag: 'operator-auth', security: 'operator',
    summary: 'Who is signed in: account, merchant, permissions, and the session\'s CSRF token',
    responses: { 200: { description: 'the caller', body: { name: 'OperatorMe', schema: MeAnswer } } },
  },
  {
    method: 'post', path: '/v1/operator/auth/password', operationId: 'operatorChangePassword', tag: 'operator-auth', security: 'operator',
    summary: 'Changes the caller\'s own password, proving the current one; the account\'s other sessions end',
    body: { name: 'OperatorPasswordChange', schema: PasswordChange },
    responses: { 204: { description: 'changed' } },
    errors: [
      { status: 401, code: 'invalid_credentials', description: 'the current password is wrong' },
      { status: 422, code: 'password_weak', description: 'shorter than 12 characters, or the email address' },
    ],
  },
  {
    method: 'post', path: '/v1/operator/auth/logout', operationId: 'operatorLogout', tag: 'operator-auth', security: 'operator',
    summary: 'Ends the cookie session and clears the cookie (an API key is revoked instead, under /api-keys)',
    responses: { 204: { description: 'signed out' } },
  },
];
