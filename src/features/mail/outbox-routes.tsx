import { Hono } from 'hono'
import { createMiddleware } from 'hono/factory'
import { HTTPException } from 'hono/http-exception'
import * as v from 'valibot'
import { requireEditor, requireOwner } from '../auth'
import { isLocalRequest } from '../../lib/local-request'
import { listOutbox, outboxMessage } from '../../lib/mail'
import { idParam, lenientQuery, typedText, validParams } from '../../lib/validation/form'
import type { AdminEnv } from '../../types'
import { mailMessagesFor } from './messages'
import { OutboxPage } from './views/outbox-page'

const PAGE_SIZE = 50

/** Deployed, the outbox does not exist: only a request addressed to this machine finds it. */
const localOnly = createMiddleware<AdminEnv>(async (c, next) => {
  if (!isLocalRequest(c.req.url)) throw new HTTPException(404)
  await next()
})

const outboxQuery = v.object({
  before: v.pipe(
    typedText,
    v.transform((text) => (/^[1-9][0-9]{0,15}$/.test(text) ? Number(text) : null)),
  ),
})

export const adminOutboxRoutes = new Hono<AdminEnv>()
  .use(localOnly, requireEditor, requireOwner)
  .get('/', lenientQuery(outboxQuery), async (c) => {
    const { a, site, db } = c.var
    const entries = await listOutbox(db, c.req.valid('query').before, PAGE_SIZE)
    const time = new Intl.DateTimeFormat(site.locale, {
      dateStyle: 'medium',
      timeStyle: 'medium',
      timeZone: site.timeZone,
    })
    const m = mailMessagesFor(site.locale)
    return c.render(
      <OutboxPage
        a={a}
        m={m}
        editor={c.var.editor}
        entries={entries}
        emailBound={c.env.EMAIL !== undefined}
        olderHref={
          entries.length === PAGE_SIZE ? `/admin/outbox?before=${entries[PAGE_SIZE - 1].id}` : null
        }
        formatTime={(at) => time.format(at)}
      />,
      { title: m.outbox, admin: true },
    )
  })
  .get(
    '/:file{[0-9]+\\.eml}',
    validParams(
      v.object({
        file: v.pipe(
          v.string(),
          v.transform((file) => file.slice(0, -'.eml'.length)),
          idParam,
        ),
      }),
    ),
    async (c) => {
      const raw = await outboxMessage(c.var.db, c.req.valid('param').file)
      if (raw === null) throw new HTTPException(404)
      return c.body(raw, 200, {
        'Content-Type': 'message/rfc822',
        'Content-Disposition': `inline; filename="${c.req.valid('param').file}.eml"`,
      })
    },
  )
