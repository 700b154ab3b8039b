import { Hono } from 'hono'
import * as v from 'valibot'
import { lenientQuery, typedText } from '../../lib/validation/form'
import { createMiddleware } from 'hono/factory'
import { curationAllowedHosts } from './curation/local-setting'
import { displayHost, readSharedLink, readSourcePage } from './curation/shared-link'
import { noteMessagesFor } from './messages'
import { requireEditor } from '../auth'
import type { AdminEnv } from '../../types'
import { declaredLanguage } from './curation/declared-language'
import { blankNote, renderNoteForm } from './admin-routes'
import { defaultBylineId } from '../posts'

/**
 * The session cookie is SameSite=Strict, so a navigation started on another site (the bookmarklet
 * runs there) arrives without it. One hop from this origin (a meta refresh, no script) brings the
 * cookie back; with still no session, the next request is same-origin and goes to the login.
 */
const sameSiteHop = createMiddleware<AdminEnv>(async (c, next) => {
  if (c.var.editor || c.req.header('Sec-Fetch-Site') !== 'cross-site') return next()
  const url = new URL(c.req.url)
  const target = url.pathname + url.search
  return c.html(
    <html lang={c.var.site.locale}>
      <head>
        <meta charset="utf-8" />
        <meta http-equiv="refresh" content={`0;url=${target}`} />
        <meta name="robots" content="noindex" />
        <title>{noteMessagesFor(c.var.site.locale).newNote}</title>
      </head>
      <body>
        <a href={target}>{noteMessagesFor(c.var.site.locale).newNote}</a>
      </body>
    </html>,
  )
})

/**
 * The share target (`GET /admin/share?url=…&title=…&text=…`), used by the installed admin on a
 * phone and by the bookmarklet. It reads the page once and fills only what was not shared.
 */
/** What a share target or the bookmarklet sends: each field as typed, '' when missing. */
const sharedLinkQuery = v.object({
  url: typedText,
  title: typedText,
  text: typedText,
  lang: typedText,
})

export const adminShareRoutes = new Hono<AdminEnv>()
  .use(sameSiteHop, requireEditor)
  .get('/', lenientQuery(sharedLinkQuery), async (c) => {
    const n = noteMessagesFor(c.var.site.locale)
    const shared = readSharedLink(c.req.valid('query'))
    const blank = blankNote(c, await defaultBylineId(c.var.db, c.var.editor))
    const values = {
      ...blank,
      sourceUrl: shared.url,
      title: shared.title,
      quote: shared.text,
      language: declaredLanguage(shared.lang) ?? blank.language,
    }
    if (!shared.url) return renderNoteForm(c, { noteId: null, values })

    const source = await readSourcePage(
      shared.url,
      curationAllowedHosts(c.req.url, c.env.CURATION_ALLOW_HOSTS),
    )
    if (!source.ok) {
      const message = `${n.fetchFailed[source.reason]} ${n.fetchFailedHint}`
      return renderNoteForm(c, { noteId: null, values, notice: { message, tone: 'error' } })
    }
    const page = source.metadata
    return renderNoteForm(c, {
      noteId: null,
      values: {
        ...values,
        sourceUrl: page.canonicalUrl || shared.url,
        title: values.title || page.title,
        quote: values.quote || page.description,
        siteName: page.siteName,
        sourcePublishedAt: page.publishedAt,
        imageUrl: page.imageUrl,
        keepImage: page.imageUrl ? 'keep' : '',
        language:
          declaredLanguage(shared.lang) ?? declaredLanguage(page.language) ?? values.language,
      },
      notice: { message: n.filledFrom(displayHost(shared.url)), tone: 'info' },
    })
  })
