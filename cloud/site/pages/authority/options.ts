import type { Db } from '../../../db/open.ts';
import { listDepartments, listRoles, type OperatorPrincipal } from '../../../services/authority/index.ts';
import type { SelectOption } from '../../components/index.ts';
import { merchantNames } from '../../forms.ts';

/** Choices for an account's role and department; a platform account's list names each row's merchant. */
export function assignmentOptions(db: Db, principal: OperatorPrincipal, platformLabel: string): { roles: SelectOption[]; departments: SelectOption[]; roleNames: Record<string, string>; departmentNames: Record<string, string> } {
  const names = principal.merchantId === null ? merchantNames(db) : {};
  const owner = (merchantId: string | null) => (principal.merchantId !== null ? '' : ` — ${merchantId === null ? platformLabel : names[merchantId] ?? merchantId}`);
  const roles = listRoles(db, principal, { limit: 200 }).data;
  const departments = listDepartments(db, principal, { limit: 200 }).data;
  return {
    roles: roles.map((r) => ({ value: r.id, label: `${r.name}${owner(r.merchantId)}` })),
    departments: departments.map((d) => ({ value: d.id, label: `${d.name}${owner(d.merchantId)}` })),
    roleNames: Object.fromEntries(roles.map((r) => [r.id, r.name])),
    departmentNames: Object.fromEntries(departments.map((d) => [d.id, d.name])),
  };
}
