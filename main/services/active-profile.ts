/**
 * The open profile's data for the app: which profile is active and its WindowData (demo sync or the profile's
 * mirror). Reopening closes the previous data first, so two mirrors are never written by the app at once; in
 * between, `current()` answers null and the handlers say "nothing synced yet".
 */
import { openWindowData, type WindowData, type WindowDataOptions } from './open-profile';

/** What every profile's data is opened with; `profileId` is the one active at start. */
export type ActiveProfileDataDeps = WindowDataOptions;

export interface ActiveProfileData {
  current: () => WindowData | null;
  profileId: () => string;
  /** Opens the data of `profileId` (default: the active one), closing what was open. */
  open: (profileId?: string) => Promise<void>;
  close: () => Promise<void>;
}

export function createActiveProfileData(deps: ActiveProfileDataDeps): ActiveProfileData {
  let data: WindowData | null = null;
  let profileId = deps.profileId;
  const close = async (): Promise<void> => {
    const previous = data;
    data = null;
    await previous?.close();
  };
  return {
    current: () => data,
    profileId: () => profileId,
    open: async (next = profileId) => {
      profileId = next;
      await close();
      data = await openWindowData({ ...deps, profileId });
    },
    close,
  };
}
