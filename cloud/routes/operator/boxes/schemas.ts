import { z } from 'zod';
import { SCENARIO } from '../../../../shared/protocol/constants.ts';
import { BOARDS, CONFIG_FIELDS, SETTABLE_STATUSES } from '../../../services/box-admin/index.ts';
import { PAGE_QUERY, pageSchema } from '../query.ts';

const STATUSES = ['active', 'blocked', 'lost', 'stolen', 'retired'] as const;
const scenarioCode = z.number().int().min(SCENARIO.NONE).max(SCENARIO.MERCHANT_COUNTER);
const ms = (what: string) => z.number().int().describe(`${what}, ms since the epoch`);

export const BoxIdParam = z.string().regex(/^[0-9a-fA-F]{16}$/).describe('16 hex digits');

export const LIST_QUERY = {
  ...PAGE_QUERY,
  q: z.string().min(1).max(64).optional().describe('an id prefix, a serial prefix or part of the machine name'),
  idPrefix: z.string().regex(/^[0-9a-fA-F]{1,16}$/).optional(),
  serial: z.string().min(1).max(64).optional().describe('serial prefix'),
  machineName: z.string().min(1).max(64).optional().describe('part of the machine name'),
  storeId: z.string().min(1).max(64).optional(),
  merchantId: z.string().min(1).max(64).optional().describe('platform accounts only; a merchant account sees its own boxes anyway'),
  status: z.enum(STATUSES).optional(),
  scenario: z.coerce.number().int().min(0).max(6).optional().describe('SCENARIO code'),
  board: z.enum(BOARDS).optional(),
  activated: z.enum(['true', 'false']).transform((v) => v === 'true').optional(),
};

export const BoxSummary = z.object({
  id: z.string(), merchantId: z.string().nullable(), merchantName: z.string().nullable(), storeId: z.string().nullable().describe('null until activated'),
  storeName: z.string().nullable(), board: z.string().nullable(), serial: z.string().nullable(), machineName: z.string().nullable(),
  scenario: z.object({ code: z.number().int(), name: z.string() }), status: z.enum(STATUSES), activated: z.boolean().describe('placed in a store'),
  activatedAt: ms('activated').nullable(), lastSeenAt: ms('last HELLO or receipt').nullable(),
  firmwareVersion: z.string().nullable().describe('major.minor as the box reported it'), batteryPercent: z.number().int().nullable(),
  keyVersion: z.number().int().nullable().describe('newest key version; null before provisioning'),
  configVersion: z.number().int().describe('the configuration set'), appliedConfigVersion: z.number().int().describe('the configuration the box confirmed'),
  pendingCommands: z.number().int().describe('commands not yet confirmed by the box'), createdAt: ms('created'),
});

export const BoxDetail = BoxSummary.extend({
  config: z.record(z.string(), z.unknown()).nullable().describe('the CONFIG telegram fields set (currency as ISO 4217 numeric)'),
  limits: z.object({
    maxPerTransactionMinor: z.number().int().nullable(), dailyAmountMinor: z.number().int().nullable(), dailyCount: z.number().int().nullable(),
    rssiMin: z.number().int(),
  }),
  shipment: z.object({
    carrier: z.string().nullable(), trackingNumber: z.string().nullable(), destination: z.string().nullable(), shippedAt: ms('shipped').nullable(),
    importedAt: ms('imported'),
  }).nullable(),
  keys: z.array(z.object({ keyVersion: z.number().int(), status: z.string(), createdAt: ms('created'), retiredAt: ms('retired').nullable() })),
  commands: z.array(z.object({
    id: z.string(), kind: z.string(), state: z.string(), txnId: z.string().nullable(), createdAt: ms('queued'), updatedAt: ms('last changed'),
    payload: z.record(z.string(), z.unknown()).describe('the telegram fields (a key rotation names its version only)'),
  })),
});

export const BoxPage = pageSchema(BoxSummary);

export const ConfigBody = z.strictObject({
  currency: z.string().regex(/^[A-Z]{3}$/, 'must be an ISO 4217 code').describe('ISO 4217 letters; the box gets the numeric code'),
  ...Object.fromEntries(CONFIG_FIELDS.map(({ name, max }) => [name, z.number().int().min(0).max(max).optional()])),
}).describe('CONFIG telegram fields (docs/protocol.md, kind 0x02); an absent field is 0');

export const ConfiguredAnswer = z.object({
  boxId: z.string(), configVersion: z.number().int(), commandId: z.string(), config: z.record(z.string(), z.number()),
});

export const ActivateBody = z.strictObject({
  storeId: z.string().min(1).max(64),
  machineName: z.string().trim().min(1).max(64),
  scenario: scenarioCode.min(1),
});

export const StatusBody = z.strictObject({
  status: z.enum(SETTABLE_STATUSES).describe('active unblocks; blocked, lost and stolen refuse sessions and payments'),
  reason: z.string().max(500).optional(),
});

export const ProvisionBody = z.strictObject({
  masterSecret: z.string().regex(/^[A-Za-z0-9+/_-]{43}=?$/, 'must be 32 bytes in base64').optional()
    .describe('the tool\'s master secret, 32 bytes base64; the cloud draws one when absent'),
  rotate: z.boolean().optional().describe('replace the keys of a box already provisioned (a new key version)'),
});

export const Bundle = z.object({
  boxId: z.string(), board: z.string(), keyVersion: z.number().int(),
  files: z.record(z.string(), z.string()).describe('Storage file name → base64 content: waygo.keys, and waygo.cfg for a configured box'),
});

export const RotationAnswer = z.object({ boxId: z.string(), keyVersion: z.number().int(), commandId: z.string() });
export const ClockAnswer = z.object({ boxId: z.string(), commandId: z.string() });

export const ImportBody = z.strictObject({ csv: z.string().min(1).max(1 << 20) });
export const ImportAnswer = z.object({ imported: z.number().int(), created: z.number().int(), updated: z.number().int() });
export const ImportRefused = z.object({
  error: z.object({ type: z.literal('invalid_request_error'), code: z.literal('csv_invalid'), message: z.string(), param: z.null() }),
  errors: z.array(z.object({ line: z.number().int().describe('the file\'s line, header = 1'), column: z.string().nullable(), code: z.string(), message: z.string() })),
});

export const STICKER_QUERY = {
  mcc: z.string().regex(/^\d{4}$/).optional().describe('merchant category code printed in the QR'),
  country: z.string().regex(/^[A-Z]{2}$/).optional(),
  city: z.string().min(1).max(15).optional(),
};
