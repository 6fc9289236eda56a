import CalendarIcon from '@mui/icons-material/CalendarMonth';
import WorklistIcon from '@mui/icons-material/PlaylistAddCheck';
import PolicyIcon from '@mui/icons-material/Tune';
import { lazy, type ComponentType, type LazyExoticComponent } from 'react';

import { VISIT_AGENDA_PATH } from './visits';
import { Worklist, WORKLIST_PATH } from './worklist';

/**
 * The console's pages that are not a resource's list/show/edit: each loaded on first visit
 * (React.lazy), each with the access it needs (`authProvider.canAccess`) and its menu entry.
 */
export interface CustomPage {
  path: string;
  /** Translation key of its menu entry. */
  label: string;
  icon: ComponentType;
  access: { resource: string; action: string };
  /** Where the menu lists it. */
  menu: 'top' | 'visits' | 'admin';
  /** Rendered by `<CustomRoutes>`; left out when a resource registers the route itself. */
  component?: LazyExoticComponent<ComponentType>;
}

export const CUSTOM_PAGES: readonly CustomPage[] = [
  {
    path: WORKLIST_PATH,
    label: 'worklist.title',
    icon: WorklistIcon,
    menu: 'top',
    access: { resource: 'worklist', action: 'list' },
    component: Worklist,
  },
  {
    // Registered by the visits resource (`/visits/agenda`, with `/visits/week` beside it).
    path: VISIT_AGENDA_PATH,
    label: 'visits.agenda.title',
    icon: CalendarIcon,
    menu: 'visits',
    access: { resource: 'visits', action: 'list' },
  },
  {
    path: '/policy',
    label: 'policy.title',
    icon: PolicyIcon,
    menu: 'admin',
    access: { resource: 'collectionPolicies', action: 'edit' },
    component: lazy(() => import('./policy/PolicyPage')),
  },
];

/** Where a user whose role has no dashboard (a collector) starts: the worklist, else the cases. */
export const startPageWithoutDashboard = (): string =>
  CUSTOM_PAGES.some((page) => page.path === WORKLIST_PATH && page.component)
    ? WORKLIST_PATH
    : '/cases';
