export { accountPages } from './accounts.tsx';
export { apiKeyPages } from './api-keys.tsx';
export { departmentPages } from './departments.tsx';
export { rolePages } from './roles.tsx';
