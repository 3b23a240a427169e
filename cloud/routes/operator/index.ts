import { Hono } from 'hono';
import { operatorAuth } from '../../middleware/operator-auth/index.ts';
import type { AppEnv } from '../../types.ts';
import { accountRoutes, apiKeyRoutes, departmentRoutes, roleRoutes } from './accounts/index.ts';
import { auditRoutes } from './audit/index.ts';
import { authRoutes, loginRoutes } from './auth/index.ts';
import { boxRoutes, shipmentRoutes } from './boxes/index.ts';
import type { OperatorDeps } from './deps.ts';
import { acquirerSettingsRoutes } from './acquirer/index.ts';
import { merchandiseRoutes } from './merchandise/index.ts';
import { merchantRoutes } from './merchants/index.ts';
import { paymentAdminRoutes } from './payments/index.ts';
import { reportRoutes } from './reports/index.ts';
import { storeRoutes } from './stores/index.ts';

export type { OperatorDeps } from './deps.ts';

/**
 * `/v1/operator/…`: the login route is open; everything registered after it passes operator-auth (Hono runs
 * matching handlers in registration order, and login answers without calling next). Each resource is a
 * sub-app that checks its own permission with requirePermission.
 */
export function operatorRoutes(deps: OperatorDeps): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.route('/auth', loginRoutes(deps));
  app.use('*', operatorAuth({ db: deps.db, now: deps.now }));
  app.route('/auth', authRoutes(deps));
  app.route('/accounts', accountRoutes(deps));
  app.route('/roles', roleRoutes(deps));
  app.route('/departments', departmentRoutes(deps));
  app.route('/api-keys', apiKeyRoutes(deps));
  app.route('/audit', auditRoutes(deps));
  app.route('/boxes', boxRoutes(deps));
  app.route('/box-shipments', shipmentRoutes(deps));
  app.route('/payments', paymentAdminRoutes(deps));
  app.route('/reports', reportRoutes(deps));
  app.route('/merchandise', merchandiseRoutes(deps));
  app.route('/acquirer-settings', acquirerSettingsRoutes(deps));
  app.route('/stores', storeRoutes(deps));
  app.route('/merchants', merchantRoutes(deps));
  return app;
}
