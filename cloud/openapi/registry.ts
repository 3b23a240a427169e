// Every route module's own description of its operations, in one list for the document.
import { operations as acquirers } from '../routes/acquirers/index.ts';
import { operations as health } from '../routes/health/index.ts';
import { operations as operatorAccounts } from '../routes/operator/accounts/index.ts';
import { operations as operatorAudit } from '../routes/operator/audit/index.ts';
import { operations as operatorAuth } from '../routes/operator/auth/index.ts';
import { operations as operatorBoxes } from '../routes/operator/boxes/index.ts';
import { operations as operatorAcquirer } from '../routes/operator/acquirer/index.ts';
import { operations as operatorMerchandise } from '../routes/operator/merchandise/index.ts';
import { operations as operatorMerchants } from '../routes/operator/merchants/index.ts';
import { operations as operatorPayments } from '../routes/operator/payments/index.ts';
import { operations as operatorReports } from '../routes/operator/reports/index.ts';
import { operations as operatorStores } from '../routes/operator/stores/index.ts';
import { operations as boxLog } from '../routes/wallet/box-log.ts';
import { operations as payments } from '../routes/wallet/payments.ts';
import { operations as resolve } from '../routes/wallet/resolve.ts';
import { PAYMENT, RESOLVED } from '../routes/wallet/responses.ts';
import { operations as sessions } from '../routes/wallet/sessions.ts';
import { operations as sessionCommands } from '../routes/wallet/session-commands.ts';
import { operations as docs } from './operations.ts';
import { operations as installer } from '../routes/installer/index.ts';
import type { NamedSchema, OperationDescription } from './types.ts';

export const apiOperations: readonly OperationDescription[] = [
  ...health, ...resolve, ...sessions, ...payments, ...boxLog, ...acquirers, ...docs,
  ...operatorAuth, ...operatorAccounts, ...operatorAudit,
  ...operatorBoxes, ...sessionCommands,
  ...operatorPayments, ...operatorReports, ...operatorMerchandise, ...operatorAcquirer, ...operatorStores, ...operatorMerchants,
  ...installer,
];

/** Schemas nested in several answers, named so that the document refers to them instead of repeating them. */
export const sharedSchemas: readonly NamedSchema[] = [PAYMENT, RESOLVED];
