/**
 * All channel handlers, built from their dependencies. The return type is `Handlers`, one per invoke
 * channel of the contract: a channel without a handler here does not typecheck.
 */
import type { Handlers } from './handler-types';
import { appHandlers, type AppDeps } from './domains/app';
import { mirrorHandlers, type MirrorDeps } from './domains/mirror';
import { keyHandlers, type KeyDeps } from './domains/key';
import { auditHandlers, type AuditDeps } from './domains/audit';
import { alertsHandlers, type AlertsDeps } from './domains/alerts';
import { settingsHandlers, type SettingsDeps } from './domains/settings';
import { usageHandlers, type UsageDeps } from './domains/usage';
import { actionsHandlers, type ActionsDeps } from './domains/actions';
import { mirrorRepairHandlers, type MirrorRepairDeps } from './domains/mirror-repair';
import { peopleHandlers } from './domains/people';
import { accessHandlers, type AccessDeps } from './domains/access';
import { desktopHandlers, type DesktopDeps } from './domains/desktop';
import { offboardingHandlers } from './domains/offboarding';
import { webhooksHandlers, type WebhooksDeps } from './domains/webhooks';
import { reviewHandlers, type ReviewDeps } from './domains/review';
import { pricesHandlers } from './domains/prices';
import { postureHandlers } from './domains/posture';

export type HandlerDeps = AppDeps &
  MirrorDeps &
  KeyDeps &
  AuditDeps &
  AlertsDeps &
  SettingsDeps &
  UsageDeps &
  ActionsDeps &
  MirrorRepairDeps &
  AccessDeps &
  DesktopDeps &
  WebhooksDeps &
  ReviewDeps;

export function createHandlers(deps: HandlerDeps): Handlers {
  return {
    ...appHandlers(deps),
    ...mirrorHandlers(deps),
    ...keyHandlers(deps),
    ...auditHandlers(deps),
    ...alertsHandlers(deps),
    ...settingsHandlers(deps),
    ...usageHandlers(deps),
    ...actionsHandlers(deps),
    ...mirrorRepairHandlers(deps),
    ...peopleHandlers(deps),
    ...accessHandlers(deps),
    ...desktopHandlers(deps),
    ...offboardingHandlers(deps),
    ...webhooksHandlers(deps),
    ...reviewHandlers(deps),
    ...pricesHandlers(deps),
    ...postureHandlers(deps),
  };
}
