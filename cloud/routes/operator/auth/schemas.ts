import { z } from 'zod';
import { PERMISSIONS } from '../../../services/authority/permissions.ts';
import { MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH } from '../../../services/authority/passwords.ts';

export const LoginBody = z.object({
  email: z.string().min(3).max(254),
  password: z.string().min(1).max(MAX_PASSWORD_LENGTH),
}).strict();

export const Operator = z.object({
  accountId: z.string(),
  merchantId: z.string().nullable().describe('null for a platform account, which sees every merchant'),
  permissions: z.array(z.enum(PERMISSIONS)),
  via: z.enum(['session', 'api_key']),
  locale: z.enum(['en', 'zh-TW']),
});

export const LoginAnswer = z.object({
  csrfToken: z.string().describe('send it as X-CSRF-Token with every POST, PUT, PATCH and DELETE of this session'),
  operator: Operator,
});

export const MeAnswer = Operator.extend({
  csrfToken: z.string().optional().describe('the session\'s CSRF token (cookie sessions only)'),
});

export const PasswordChange = z.object({
  currentPassword: z.string().min(1).max(MAX_PASSWORD_LENGTH),
  newPassword: z.string().min(MIN_PASSWORD_LENGTH).max(MAX_PASSWORD_LENGTH).describe(`at least ${MIN_PASSWORD_LENGTH} characters, not the email address`),
}).strict();
