import { localTime } from '../time/zoned-time';

/** Reminders go out between 08:00 and 20:00 in the event's time zone, never at night. */
export const REMINDER_DAY_STARTS = '08:00';
export const REMINDER_DAY_ENDS = '20:00';

export function isDaytime(now: Date, timeZone: string): boolean {
  const local = localTime(now, timeZone);
  return local >= REMINDER_DAY_STARTS && local < REMINDER_DAY_ENDS;
}

export interface ReminderState {
  /** When the role was asked of the speaker (or, later, when they were invited to sign in). */
  askedAt: Date;
  remindersSent: number;
  remindedAt: Date | null;
}

/**
 * Whether a role without an answer is due for a reminder now: `days` after it was asked (or
 * after the previous reminder), fewer than `max` sent so far, and in the daytime of the event's
 * zone. `days` 0 turns reminders off.
 */
export function reminderDue(state: ReminderState, settings: { days: number; max: number; timeZone: string }, now: Date): boolean {
  if (settings.days <= 0 || state.remindersSent >= settings.max) return false;
  const since = state.remindedAt && state.remindedAt > state.askedAt ? state.remindedAt : state.askedAt;
  if (now.getTime() - since.getTime() < settings.days * 86_400_000) return false;
  return isDaytime(now, settings.timeZone);
}
