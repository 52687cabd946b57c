import { randomBytes } from 'node:crypto';

/** A time-sortable unique id with a prefix, e.g. `prj_01jd...`: sorts by creation time in both databases. */
export function newId(prefix: string): string {
  return `${prefix}_${Date.now().toString(36).padStart(9, '0')}${randomBytes(6).toString('hex')}`;
}

/** The current time as ISO-8601 UTC text (the stored timestamp format). */
export function nowIso(): string {
  return new Date().toISOString();
}

/** The workspace every row belongs to until teams exist. */
export const DEFAULT_WORKSPACE = 'default';

/** The project runs land in when none is named. */
export const DEFAULT_PROJECT = 'default';
