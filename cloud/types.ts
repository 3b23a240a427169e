export interface Logger {
  info(message: string, fields?: Record<string, unknown>): void;
  error(message: string, fields?: Record<string, unknown>): void;
}

/** What a request handler can reach through `c.var`, set by the app's middleware. */
export interface AppEnv {
  Variables: {
    /** The parsed JSON body of a POST/PUT/PATCH; routes validate it with their own zod schema. */
    body: unknown;
  };
}
