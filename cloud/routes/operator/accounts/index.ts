import { operations as accounts } from './accounts.ts';
import { operations as apiKeys } from './api-keys.ts';
import { operations as departments } from './departments.ts';
import { operations as roles } from './roles.ts';

export { accountRoutes } from './accounts.ts';
export { apiKeyRoutes } from './api-keys.ts';
export { departmentRoutes } from './departments.ts';
export { roleRoutes } from './roles.ts';

export const operations = [...accounts, ...roles, ...departments, ...apiKeys];
