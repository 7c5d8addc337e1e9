import { claudeCodeReportRoutes } from '../reports/claude-code-report';
import { costReportRoutes } from '../reports/cost-report';
import { usageReportRoutes } from '../reports/usage-report';
import { Router } from '../router';
import { apiKeyReadRoutes } from './api-keys';
import { apiKeyWriteRoutes } from './api-keys-write';
import { complianceRoutes } from './compliance';
import { inviteRoutes } from './invites';
import { memberReadRoutes } from './members';
import { memberWriteRoutes } from './members-write';
import { organizationRoutes } from './organization';
import { rateLimitRoutes } from './rate-limits';
import { spendLimitRoutes } from './spend-limits';
import { userReadRoutes } from './users';
import { userWriteRoutes } from './users-write';
import { workspaceReadRoutes } from './workspaces';
import { workspaceWriteRoutes } from './workspaces-write';

export function buildRouter(): Router {
  return new Router()
    .add(organizationRoutes)
    .add(userReadRoutes)
    .add(userWriteRoutes)
    .add(inviteRoutes)
    .add(workspaceReadRoutes)
    .add(workspaceWriteRoutes)
    .add(memberReadRoutes)
    .add(memberWriteRoutes)
    .add(apiKeyReadRoutes)
    .add(apiKeyWriteRoutes)
    .add(rateLimitRoutes)
    .add(spendLimitRoutes)
    .add(complianceRoutes)
    .add(usageReportRoutes)
    .add(costReportRoutes)
    .add(claudeCodeReportRoutes);
}
