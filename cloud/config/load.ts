import { readFileSync } from 'node:fs';
import type { Kek } from '../crypto/kek.ts';
import { parseKek } from '../crypto/kek.ts';
import { parseAcquirerConfig, type AcquirerConfig } from '../acquirers/config.ts';
import { CloudError } from '../errors/cloud-error.ts';
import { devKek } from './dev-kek.ts';
import { FIELDS, fileSchema, type FieldName } from './fields.ts';

export interface CloudConfig {
  mode: 'development' | 'production';
  port: number;
  host: string;
  database: string;
  bodyLimit: number;
  kek: Kek;
  /** Where the KEK came from; `dev-file` and `ephemeral` only happen in development mode. */
  kekSource: 'env' | 'dev-file' | 'ephemeral';
  /**
   * WAYGO_ACQUIRER: "simulator" or the acquirer's JSON settings (docs/acquirers.md). Environment only, like the
   * KEK, because the http acquirer's settings carry its shared secret. Unset: the test-mode simulator in
   * development, and no payment routes in production.
   */
  acquirer?: AcquirerConfig;
}

/** WAYGO_ACQUIRER's value, or a problem line that names the variable and never echoes the value (a secret). */
function readAcquirer(text: string, mode: unknown): AcquirerConfig | string {
  let input: unknown = { kind: 'simulator' };
  if (text.trim() !== 'simulator') {
    try {
      input = JSON.parse(text);
    } catch {
      return 'WAYGO_ACQUIRER must be "simulator" or a JSON object of acquirer settings';
    }
  }
  let config: AcquirerConfig;
  try {
    config = parseAcquirerConfig(input);
  } catch (err) {
    return `WAYGO_ACQUIRER: ${(err as Error).message}`;
  }
  if (config.kind === 'simulator' && mode === 'production') return 'WAYGO_ACQUIRER "simulator" is a test mode and cannot run in production';
  return config;
}

export interface LoadConfigOptions {
  env?: NodeJS.ProcessEnv;
  /** Command-line values, which win over the environment; keyed by setting, named by their flag. */
  overrides?: Partial<Record<FieldName, { value: string; flag: string }>>;
  /** Receives the one warning line when a development KEK is used; never the key itself. */
  warn?: (line: string) => void;
}

interface Raw { value: unknown; source: string }

function readFile(path: string): Record<string, unknown> {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (err) {
    throw new CloudError('config_invalid', `WAYGO_CONFIG: cannot read ${path} (${(err as NodeJS.ErrnoException).code ?? 'error'})`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new CloudError('config_invalid', `WAYGO_CONFIG: ${path} is not valid JSON`);
  }
  if (json !== null && typeof json === 'object' && 'kek' in json) {
    throw new CloudError('config_invalid', `${path}: "kek" may not be kept in a file; set WAYGO_KEK in the environment`);
  }
  const parsed = fileSchema.safeParse(json);
  if (!parsed.success) {
    const unknown = parsed.error.issues.flatMap((i) => (i.code === 'unrecognized_keys' ? i.keys : []));
    const detail = unknown.length > 0 ? `unknown setting ${unknown.map((k) => `"${k}"`).join(', ')}` : 'must be a JSON object';
    throw new CloudError('config_invalid', `${path}: ${detail}`);
  }
  return parsed.data;
}

function show(value: unknown): string {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 40 ? `${text.slice(0, 37)}...` : text;
}

/**
 * Defaults, then the JSON file named by WAYGO_CONFIG, then the environment, then command-line overrides.
 * Every bad value is reported, each naming its variable, in one CloudError('config_invalid').
 */
export function loadConfig(options: LoadConfigOptions = {}): CloudConfig {
  const env = options.env ?? process.env;
  const file = env.WAYGO_CONFIG ? readFile(env.WAYGO_CONFIG) : {};
  const problems: string[] = [];
  const values: Record<string, unknown> = {};
  for (const name of Object.keys(FIELDS) as FieldName[]) {
    const field = FIELDS[name];
    const override = options.overrides?.[name];
    const raw: Raw | undefined = override
      ? { value: override.value, source: override.flag }
      : env[field.env] !== undefined
        ? { value: env[field.env], source: field.env }
        : file[name] !== undefined
          ? { value: file[name], source: `"${name}" in ${env.WAYGO_CONFIG}` }
          : undefined;
    if (raw === undefined) {
      values[name] = field.fallback;
      continue;
    }
    const parsed = field.schema.safeParse(raw.value);
    if (parsed.success) values[name] = parsed.data;
    else problems.push(`${raw.source} must ${field.expect} (got ${show(raw.value)})`);
  }
  const kekText = env.WAYGO_KEK;
  const envKek = kekText === undefined || kekText === '' ? undefined : parseKek(kekText);
  if (kekText !== undefined && kekText !== '' && envKek === undefined) {
    problems.push(`WAYGO_KEK must be 32 bytes written as 64 hex digits or base64 (got ${kekText.trim().length} characters)`);
  } else if (envKek === undefined && values.mode === 'production') {
    problems.push('WAYGO_KEK is required when WAYGO_ENV is "production" (32 bytes as 64 hex digits or base64)');
  }
  const acquirer = env.WAYGO_ACQUIRER === undefined || env.WAYGO_ACQUIRER === '' ? undefined : readAcquirer(env.WAYGO_ACQUIRER, values.mode);
  if (typeof acquirer === 'string') problems.push(acquirer);
  if (problems.length > 0) throw new CloudError('config_invalid', `invalid configuration: ${problems.join('; ')}`);

  const base: Omit<CloudConfig, 'kek' | 'kekSource'> = { ...(values as Omit<CloudConfig, 'kek' | 'kekSource' | 'acquirer'>) };
  if (acquirer !== undefined && typeof acquirer !== 'string') base.acquirer = acquirer;
  if (envKek) return { ...base, kek: envKek, kekSource: 'env' };
  const dev = devKek(base.database);
  options.warn?.(
    dev.path
      ? `warning: WAYGO_KEK is unset; sealing secrets with the development key in ${dev.path} (never use it in production)`
      : 'warning: WAYGO_KEK is unset; sealing secrets with a throw-away key for this in-memory database',
  );
  return { ...base, kek: dev.kek, kekSource: dev.path ? 'dev-file' : 'ephemeral' };
}
