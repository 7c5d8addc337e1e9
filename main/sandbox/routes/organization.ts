import type { RouteDef } from '../router';

export const organizationRoutes: RouteDef[] = [
  {
    method: 'GET',
    path: '/v1/organizations/me',
    handler: ({ state }) => ({ id: state.model.org.id, name: state.model.org.name, type: 'organization' }),
  },
];
