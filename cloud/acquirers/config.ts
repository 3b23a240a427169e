import { z } from 'zod';
import { CloudError } from '../errors/cloud-error.ts';

const whole = (min: number, max: number) => z.number().int().min(min).max(max);

const simulatorConfig = z.strictObject({
  kind: z.literal('simulator'),
  name: z.string().min(1).max(64).default('simulator'),
});

const httpConfig = z.strictObject({
  kind: z.literal('http'),
  name: z.string().min(1).max(64).default('http'),
  baseUrl: z.url({ protocol: /^https?$/ }),
  secret: z.string().min(16),
  merchant: z.string().min(1).max(200),
  timeoutMs: whole(1, 120_000).default(10_000),
  maxAttempts: whole(1, 10).default(3),
  backoffBaseMs: whole(0, 60_000).default(200),
  backoffMaxMs: whole(0, 600_000).default(2_000),
  callbackToleranceS: whole(1, 3_600).default(300),
});

/** One acquirer's settings, as kept in configuration or an acquirer row (the secret opened from its sealed form). */
export const acquirerConfigSchema = z.discriminatedUnion('kind', [simulatorConfig, httpConfig]);
export type AcquirerConfig = z.infer<typeof acquirerConfigSchema>;
export type HttpAcquirerConfig = z.infer<typeof httpConfig>;

/** Validates a config; the error names each bad field and never echoes a value (one of them is a secret). */
export function parseAcquirerConfig(input: unknown): AcquirerConfig {
  const parsed = acquirerConfigSchema.safeParse(input);
  if (parsed.success) return parsed.data;
  const problems = parsed.error.issues.map((issue) => `${issue.path.join('.') || 'kind'}: ${issue.message}`);
  throw new CloudError('acquirer_config_invalid', `invalid acquirer configuration: ${problems.join('; ')}`);
}
