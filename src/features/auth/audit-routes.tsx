import { inArray } from 'drizzle-orm'
import { Hono } from 'hono'
import * as v from 'valibot'
import { users } from '../../db/schema'
import { lenientQuery, typedText } from '../../lib/validation/form'
import type { AdminEnv } from '../../types'
import { listAudit } from './audit-log'
import { requireEditor, requireOwner } from './editor-session'
import { authMessagesFor } from './messages'
import { AuditPage } from './views/audit-page'

const PAGE_SIZE = 100

const auditQuery = v.object({
  before: v.pipe(
    typedText,
    v.transform((text) => (/^[1-9][0-9]{0,15}$/.test(text) ? Number(text) : null)),
  ),
})

export const adminAuditRoutes = new Hono<AdminEnv>()
  .use(requireEditor, requireOwner)
  .get('/', lenientQuery(auditQuery), async (c) => {
    const { a, db, site } = c.var
    const rows = await listAudit(db, c.req.valid('query').before, PAGE_SIZE)
    const actorIds = [
      ...new Set(rows.flatMap((row) => (row.actorId === null ? [] : [row.actorId]))),
    ]
    const actors = new Map(
      actorIds.length === 0
        ? []
        : (
            await db
              .select({ id: users.id, email: users.email })
              .from(users)
              .where(inArray(users.id, actorIds))
          ).map((actor) => [actor.id, actor.email]),
    )
    const time = new Intl.DateTimeFormat(site.locale, {
      dateStyle: 'medium',
      timeStyle: 'medium',
      timeZone: site.timeZone,
    })
    const m = authMessagesFor(site.locale)
    return c.render(
      <AuditPage
        a={a}
        m={m}
        editor={c.var.editor}
        rows={rows}
        actors={actors}
        olderHref={
          rows.length === PAGE_SIZE ? `/admin/audit?before=${rows[PAGE_SIZE - 1].id}` : null
        }
        formatTime={(at) => time.format(at)}
      />,
      { title: m.auditTitle, admin: true },
    )
  })
