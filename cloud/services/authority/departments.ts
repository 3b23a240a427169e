import { and, desc, eq, type SQL } from 'drizzle-orm';
import { appendAudit } from '../../audit/append.ts';
import type { Executor } from '../../db/open.ts';
import { accounts, departments } from '../../db/schema/index.ts';
import { CloudError } from '../../errors/cloud-error.ts';
import { newestFirstAfter, pageLimit, toPage, type Page, type PageRequest } from './page.ts';
import { operatorActor, type OperatorPrincipal } from './permissions.ts';
import { merchantScope, ownerFor, seen } from './tenant.ts';
import { newId } from './tokens.ts';

export type DepartmentView = typeof departments.$inferSelect;

export function getDepartment(db: Executor, principal: OperatorPrincipal, id: string): DepartmentView {
  return seen(principal, db.select().from(departments).where(eq(departments.id, id)).get(), 'department');
}

export function createDepartment(db: Executor, principal: OperatorPrincipal, input: { name: string; merchantId?: string | null }, now: number): DepartmentView {
  const row: DepartmentView = { id: newId('dep'), merchantId: ownerFor(db, principal, input.merchantId), name: input.name, createdAt: now };
  db.transaction((tx) => {
    tx.insert(departments).values(row).run();
    appendAudit(tx, {
      actor: operatorActor(principal), action: 'department.created', subjectType: 'department', subjectId: row.id, at: now,
      data: { merchantId: row.merchantId, name: row.name },
    });
  });
  return row;
}

export function renameDepartment(db: Executor, principal: OperatorPrincipal, id: string, name: string, now: number): DepartmentView {
  const row = getDepartment(db, principal, id);
  db.transaction((tx) => {
    tx.update(departments).set({ name }).where(eq(departments.id, id)).run();
    appendAudit(tx, {
      actor: operatorActor(principal), action: 'department.renamed', subjectType: 'department', subjectId: id, at: now,
      data: { merchantId: row.merchantId, name },
    });
  });
  return { ...row, name };
}

/** Deletes a department no account sits in (disabled accounts count: they keep their department). */
export function deleteDepartment(db: Executor, principal: OperatorPrincipal, id: string, now: number): DepartmentView {
  const row = getDepartment(db, principal, id);
  db.transaction((tx) => {
    if (tx.select({ id: accounts.id }).from(accounts).where(eq(accounts.departmentId, id)).limit(1).get()) {
      throw new CloudError('department_in_use', 'accounts still sit in this department; move them first');
    }
    tx.delete(departments).where(eq(departments.id, id)).run();
    appendAudit(tx, {
      actor: operatorActor(principal), action: 'department.deleted', subjectType: 'department', subjectId: id, at: now,
      data: { merchantId: row.merchantId, name: row.name },
    });
  });
  return row;
}

/** Newest first, the principal's own merchant's only (all of them for a platform account). */
export function listDepartments(db: Executor, principal: OperatorPrincipal, request: PageRequest): Page<DepartmentView> {
  const limit = pageLimit(request);
  const conditions: (SQL | undefined)[] = [merchantScope(principal, departments.merchantId)];
  conditions.push(newestFirstAfter(request.cursor, departments.createdAt, departments.id));
  const rows = db.select().from(departments).where(and(...conditions)).orderBy(desc(departments.createdAt), desc(departments.id)).limit(limit + 1).all();
  return toPage(rows, limit, (r) => [r.createdAt, r.id], (r) => r);
}
