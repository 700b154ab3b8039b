import { Hono } from 'hono'
import { HTTPException } from 'hono/http-exception'
import { stream } from 'hono/streaming'
import { csvField } from '../../lib/csv'
import { idParams, lenientQuery, typedForm } from '../../lib/validation/form'
import type { AdminEnv } from '../../types'
import { editsAllContent, refuseUnless, requireEditor } from '../auth'
import { importedAddresses, importSubscribers } from './csv-import'
import { readMailingSettings, saveMailingSettings } from './mailing-settings'
import { CONSENT_VERSION, subscriptionAdminMessagesFor } from './messages'
import {
  exportPage,
  listSubscribers,
  sendingHistory,
  stateCounts,
  SUBSCRIBERS_PAGE,
} from './queries'
import { dailyCapFrom, importForm, settingsForm, subscribersQuery } from './schemas'
import { SubscribersPage } from './views/subscribers-page'
import { eraseSubscriber } from './writes'

/** Largest CSV accepted for an import (the admin's body limit is 1 MB). */
const MAX_IMPORT_BYTES = 900_000

const EXPORT_COLUMNS = [
  'email',
  'state',
  'language',
  'created_at',
  'confirmed_at',
  'consent_source',
  'consent_version',
  'consent_text',
  'unsubscribed_at',
]
const iso = (at: Date | null) => (at ? at.toISOString() : '')

/** `/admin/subscribers`: owner and editors. */
export const adminSubscriberRoutes = new Hono<AdminEnv>()
  .use(requireEditor)
  .use(async (c, next) => {
    refuseUnless(c, editsAllContent(c.var.editor!))
    await next()
  })
  .get('/', lenientQuery(subscribersQuery), async (c) => {
    const { db, site } = c.var
    const m = subscriptionAdminMessagesFor(site.locale)
    const query = c.req.valid('query')
    const before = query.before ? Number(query.before) : null
    const [counts, rows, history, settings] = await Promise.all([
      stateCounts(db),
      listSubscribers(db, query.q, before),
      sendingHistory(db),
      readMailingSettings(db),
    ])
    const [added, skipped] = query.imported.split('.').map(Number)
    const notice = query.deleted
      ? m.deleted
      : query.imported
        ? m.imported(added, skipped)
        : query.saved
          ? m.savedSettings
          : null
    const olderHref =
      rows.length === SUBSCRIBERS_PAGE
        ? `/admin/subscribers?${new URLSearchParams({ q: query.q, before: String(rows[rows.length - 1].id) })}`
        : null
    return c.render(
      <SubscribersPage
        a={c.var.a}
        m={m}
        editor={c.var.editor!}
        counts={counts}
        search={query.q}
        rows={rows}
        olderHref={olderHref}
        history={history}
        settings={settings}
        notice={notice}
      />,
      { title: m.subscribers, admin: true },
    )
  })
  .post('/:id{[0-9]+}/delete', idParams, async (c) => {
    await eraseSubscriber(c.var.db, c.req.valid('param').id, Date.now())
    return c.redirect('/admin/subscribers?deleted=1', 303)
  })
  // The consent records as proof: when each reader confirmed, and the wording they confirmed.
  // Read a page at a time and streamed, so a long list is never all in memory.
  .get('/export.csv', (c) => {
    const { db } = c.var
    c.header('Content-Type', 'text/csv; charset=utf-8')
    c.header('Content-Disposition', 'attachment; filename="subscribers.csv"')
    return stream(c, async (out) => {
      await out.write(EXPORT_COLUMNS.join(',') + '\r\n')
      let after = 0
      for (;;) {
        const rows = await exportPage(db, after)
        if (rows.length === 0) break
        const lines = rows.map((row) =>
          [
            row.email,
            row.state,
            row.language,
            iso(row.createdAt),
            iso(row.confirmedAt),
            row.consentSource ?? '',
            row.consentVersion ?? '',
            row.consentText ?? '',
            iso(row.unsubscribedAt),
          ]
            .map(csvField)
            .join(','),
        )
        await out.write(lines.join('\r\n') + '\r\n')
        after = rows[rows.length - 1].id
      }
    })
  })
  .post('/import', typedForm(importForm), async (c) => {
    const { db, site } = c.var
    const m = subscriptionAdminMessagesFor(site.locale)
    const form = c.req.valid('form')
    const file = form.file
    if (!(file instanceof File) || file.size === 0)
      throw new HTTPException(422, { message: m.noFile })
    if (file.size > MAX_IMPORT_BYTES) throw new HTTPException(413)
    const { emails, skipped } = importedAddresses(await file.text())
    const consent =
      form.consent === 'on' ? { text: m.importConsent, version: CONSENT_VERSION } : null
    const added = await importSubscribers(db, emails, consent, site.locale, Date.now())
    return c.redirect(
      `/admin/subscribers?imported=${added}.${skipped + emails.length - added}`,
      303,
    )
  })
  .post('/settings', typedForm(settingsForm), async (c) => {
    const { db } = c.var
    const form = c.req.valid('form')
    const kept = await readMailingSettings(db)
    await saveMailingSettings(db, {
      emailPosts: form.emailPosts === 'on',
      emailNotes: form.emailNotes === 'on',
      fullPost: form.fullPost === 'on',
      dailyCap: dailyCapFrom(form.dailyCap, kept.dailyCap),
    })
    return c.redirect('/admin/subscribers?saved=1', 303)
  })
