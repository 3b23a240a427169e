// Every route module's own description of its operations, in one list for the document.
import { operations as acquirers } from '../routes/acquirers/index.ts';
import { operations as health } from '../routes/health/index.ts';
import { operations as boxLog } from '../routes/wallet/box-log.ts';
import { operations as payments } from '../routes/wallet/payments.ts';
import { operations as resolve } from '../routes/wallet/resolve.ts';
import { PAYMENT, RESOLVED } from '../routes/wallet/responses.ts';
import { operations as sessions } from '../routes/wallet/sessions.ts';
import { operations as docs } from './operations.ts';
import type { NamedSchema, OperationDescription } from './types.ts';

export const apiOperations: readonly OperationDescription[] = [
  ...health, ...resolve, ...sessions, ...payments, ...boxLog, ...acquirers, ...docs,
];

/** Schemas nested in several answers, named so that the document refers to them instead of repeating them. */
export const sharedSchemas: readonly NamedSchema[] = [PAYMENT, RESOLVED];
