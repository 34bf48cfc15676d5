// Transient notices ("Saved a sample of ★", "Imported 3 images"), pure: each belongs to the screen it
// was raised on and shows only there; the same message again refreshes the one shown (with a count)
// instead of stacking a copy; at most MAX_NOTICES per screen, the oldest dropped first.

import type { Screen } from './navigation';

export interface Notice {
  id: number;
  kind: 'info' | 'success' | 'error';
  text: string;
  screen: Screen;
  /** How many times this message was raised while shown (2+ shows "×2"). */
  count: number;
}

export const MAX_NOTICES = 3;
/** How long a notice stays, in ms: errors longer, so they can be read. */
export const NOTICE_MS: Record<Notice['kind'], number> = { info: 4000, success: 4000, error: 8000 };

/**
 * `notices` with `notice` raised. A notice of the same kind and text on the same screen is replaced
 * by this one (its new id restarts its time), counted, and moved to the end.
 */
export function raiseNotice(notices: readonly Notice[], notice: Omit<Notice, 'count'>): Notice[] {
  const same = notices.find(
    (n) => n.kind === notice.kind && n.text === notice.text && n.screen === notice.screen,
  );
  const rest = notices.filter((n) => n !== same);
  const raised: Notice = { ...notice, count: (same?.count ?? 0) + 1 };
  const others = rest.filter((n) => n.screen !== notice.screen);
  const here = rest.filter((n) => n.screen === notice.screen).slice(-(MAX_NOTICES - 1));
  return [...others, ...here, raised];
}

export function dismissNotice(notices: readonly Notice[], id: number): Notice[] {
  return notices.filter((n) => n.id !== id);
}

export function noticesOn(notices: readonly Notice[], screen: Screen): Notice[] {
  return notices.filter((n) => n.screen === screen);
}
