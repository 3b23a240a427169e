import type { Permission } from '../../services/authority/permissions.ts';

export interface NavLink {
  href: string;
  /** i18n key of the label. */
  label: string;
  /** The permission the target page requires; null: any signed-in operator. */
  permission: Permission | null;
}

export interface NavGroup {
  label: string;
  links: NavLink[];
}

/** The seed's three areas (authority center, device management, payment management), plus the overview and audit. */
export const NAV: NavGroup[] = [
  { label: 'nav.dashboard', links: [{ href: '/admin', label: 'nav.dashboard', permission: null }] },
  {
    label: 'nav.paymentManagement',
    links: [
      { href: '/admin/payments', label: 'nav.payments', permission: 'payments.view' },
      { href: '/admin/reports', label: 'nav.reports', permission: 'payments.view' },
      { href: '/admin/merchandise', label: 'nav.merchandise', permission: 'merchandise.manage' },
      { href: '/admin/acquirer', label: 'nav.acquirer', permission: 'acquirers.manage' },
    ],
  },
  {
    label: 'nav.devices',
    links: [
      { href: '/admin/boxes', label: 'nav.boxes', permission: 'boxes.view' },
      { href: '/admin/boxes/import', label: 'nav.import', permission: 'boxes.manage' },
      { href: '/admin/merchants', label: 'nav.merchants', permission: 'boxes.view' },
    ],
  },
  {
    label: 'nav.authority',
    links: [
      { href: '/admin/accounts', label: 'nav.accounts', permission: 'accounts.manage' },
      { href: '/admin/roles', label: 'nav.roles', permission: 'accounts.manage' },
      { href: '/admin/departments', label: 'nav.departments', permission: 'accounts.manage' },
      { href: '/admin/api-keys', label: 'nav.apiKeys', permission: 'accounts.manage' },
      { href: '/admin/audit', label: 'nav.audit', permission: 'audit.view' },
    ],
  },
];

/** The groups and links a principal holding `permissions` may open; empty groups are dropped. */
export function visibleNav(permissions: readonly Permission[]): NavGroup[] {
  return NAV.map((g) => ({ ...g, links: g.links.filter((l) => l.permission === null || permissions.includes(l.permission)) }))
    .filter((g) => g.links.length > 0);
}
