import type { OperatorPrincipal } from './services/authority/permissions.ts';

export interface Logger {
  info(message: string, fields?: Record<string, unknown>): void;
  error(message: string, fields?: Record<string, unknown>): void;
}

/** What a request handler can reach through `c.var`, set by the app's middleware. */
export interface AppEnv {
  Variables: {
    /** The parsed JSON body of a POST/PUT/PATCH; routes validate it with their own zod schema. */
    body: unknown;
    /** The signed-in operator, set by the operator-auth middleware on /v1/operator and the site. */
    operator: OperatorPrincipal;
  };
}
