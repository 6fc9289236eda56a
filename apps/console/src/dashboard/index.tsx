import { lazy } from 'react';
import { Loading, Navigate, useCanAccess } from 'react-admin';

import { startPageWithoutDashboard } from '../customPages';

const Dashboard = lazy(() => import('./Dashboard'));

/**
 * The home page (`<Admin dashboard>`): the reports dashboard for supervisors, admins and
 * auditors, loaded on first visit with its charts; a collector goes straight to the worklist
 * without downloading them.
 */
export const Home = () => {
  const { canAccess, isPending } = useCanAccess({ resource: 'dashboard', action: 'list' });
  if (isPending) return <Loading />;
  if (!canAccess) return <Navigate to={startPageWithoutDashboard()} replace />;
  return <Dashboard />;
};
