import UpdateIcon from '@mui/icons-material/Update';
import { Divider, ListItemIcon, ListItemText, MenuItem, Tooltip } from '@mui/material';
import { lazy, Suspense, useState, type ComponentType } from 'react';
import {
  CanAccess,
  Menu as RaMenu,
  useResourceDefinitions,
  useSidebarState,
  useTranslate,
} from 'react-admin';

import { CUSTOM_PAGES, type CustomPage } from './customPages';

const DailyCycleDialog = lazy(() =>
  import('./dashboard/DailyCycleDialog').then((m) => ({ default: m.DailyCycleDialog })),
);

/** A resource's menu entry when it has a list page (react-admin then checks `canAccess` list). */
const ResourceItem = ({ name }: { name: string }) => {
  const resources = useResourceDefinitions();
  if (!resources[name]?.hasList) return null;
  return <RaMenu.ResourceItem name={name} />;
};

/** A custom page's entry, shown to the roles that may open it. */
const PageItem = ({ page }: { page: CustomPage }) => {
  const Icon: ComponentType = page.icon;
  return (
    <CanAccess resource={page.access.resource} action={page.access.action}>
      <RaMenu.Item to={page.path} primaryText={page.label} leftIcon={<Icon />} />
    </CanAccess>
  );
};

const pagesAt = (slot: CustomPage['menu']) => CUSTOM_PAGES.filter((page) => page.menu === slot);

/** "Run the daily cycle" (admins): an action, not a page, so it opens a dialog over the page. */
const DailyCycleItem = () => {
  const translate = useTranslate();
  const [sidebarOpen] = useSidebarState();
  const [open, setOpen] = useState(false);
  const label = translate('auth.menu.dailyCycle');
  return (
    <CanAccess resource="dailyCycle" action="run">
      <Tooltip title={sidebarOpen ? '' : label} placement="right">
        <MenuItem onClick={() => setOpen(true)} aria-haspopup="dialog">
          <ListItemIcon sx={{ minWidth: 5 }}>
            <UpdateIcon />
          </ListItemIcon>
          {sidebarOpen ? <ListItemText>{label}</ListItemText> : null}
        </MenuItem>
      </Tooltip>
      {open ? (
        <Suspense fallback={null}>
          <DailyCycleDialog open onClose={() => setOpen(false)} />
        </Suspense>
      ) : null}
    </CanAccess>
  );
};

/**
 * The console's menu, by role (each entry asks `authProvider.canAccess`, see `auth/access.ts`):
 * - collector: worklist, cases, visits, contacts, tasks;
 * - supervisor: dashboard, cases, borrowers, visits, contacts, feedback, tasks;
 * - admin: everything, with users, partner apps, the collection policy, the audit log and
 *   the daily cycle;
 * - auditor: dashboard, cases (read-only), audit log.
 */
export const Menu = () => (
  <RaMenu>
    <CanAccess resource="dashboard" action="list">
      <RaMenu.DashboardItem primaryText="dashboard.title" />
    </CanAccess>
    {pagesAt('top').map((page) => (
      <PageItem key={page.path} page={page} />
    ))}
    <ResourceItem name="cases" />
    <ResourceItem name="borrowers" />
    <ResourceItem name="visits" />
    {pagesAt('visits').map((page) => (
      <PageItem key={page.path} page={page} />
    ))}
    <ResourceItem name="contacts" />
    <ResourceItem name="feedback" />
    <ResourceItem name="tasks" />
    <CanAccess resource="users" action="list">
      <Divider sx={{ my: 1 }} />
    </CanAccess>
    <ResourceItem name="users" />
    <ResourceItem name="partnerApps" />
    {pagesAt('admin').map((page) => (
      <PageItem key={page.path} page={page} />
    ))}
    <ResourceItem name="auditEvents" />
    <DailyCycleItem />
  </RaMenu>
);
