import type { ResourceProps } from 'react-admin';

/** This resource's screens (list, show, edit, create) and icon; filled in with its screens. */
const resource: Omit<ResourceProps, 'name'> = {};

export default resource;
