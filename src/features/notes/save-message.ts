import type { Context } from 'hono'
import { formatScheduledFor } from '../../lib/dates'
import type { PostStatus } from '../../db/schema'
import type { AdminEnv, EditorEnv } from '../../types'

/**
 * What a saved note now is, as readers will see it: "Published.", "Draft.", or, while its date
 * is still to come, "Scheduled for 2 December at 09:00, Paris time."
 */
export function savedStatusText(
  c: Context<AdminEnv> | Context<EditorEnv>,
  note: { status: PostStatus; publishedAt: Date | null },
): string {
  const { a, site } = c.var
  if (note.status !== 'draft' && note.publishedAt && note.publishedAt.getTime() > Date.now())
    return a.savedScheduled(formatScheduledFor(note.publishedAt, site.locale, site.timeZone))
  return `${a.statusLabel[note.status]}.`
}
