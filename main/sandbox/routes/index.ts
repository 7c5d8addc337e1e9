import { Router } from '../router';
import { claudeCodeReportRoutes } from '../reports/claude-code-report';
import { costReportRoutes } from '../reports/cost-report';
import { usageReportRoutes } from '../reports/usage-report';
import { apiKeyReadRoutes } from './api-keys';
import { memberReadRoutes } from './members';
import { organizationRoutes } from './organization';
import { userReadRoutes } from './users';
import { workspaceReadRoutes } from './workspaces';

export function buildRouter(): Router {
  return new Router()
    .add(organizationRoutes)
    .add(userReadRoutes)
    .add(workspaceReadRoutes)
    .add(memberReadRoutes)
    .add(apiKeyReadRoutes)
    .add(usageReportRoutes)
    .add(costReportRoutes)
    .add(claudeCodeReportRoutes);
}
