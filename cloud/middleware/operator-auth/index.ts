export {
  CSRF_FIELD, CSRF_HEADER, SESSION_COOKIE, authenticate, checkCsrf, clearSessionCookie, sessionCookie, sessionCsrf, sessionToken,
} from './credentials.ts';
export { operatorAuth, requirePermission } from './middleware.ts';
export type { OperatorAuthOptions } from './middleware.ts';
export { clientAddress, slidingWindowLimiter } from './rate-limit.ts';
export type { RateLimiter, RateLimiterOptions } from './rate-limit.ts';
