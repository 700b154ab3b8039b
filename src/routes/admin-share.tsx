import { Hono } from 'hono'
import { curationAllowedHosts } from '../curation/local-setting'
import { displayHost, readSharedLink, readSourcePage } from '../curation/shared-link'
import { noteMessagesFor } from '../lib/i18n-notes'
import { requireEditor } from '../middleware/editor-session'
import type { AdminEnv } from '../types'
import { blankNote, firstAuthorId, renderNoteForm } from './admin-notes'

/**
 * The share target (`GET /admin/share?url=…&title=…&text=…`), used by the installed admin on a
 * phone and by the bookmarklet. It reads the page once and fills only what was not shared.
 */
export const adminShareRoutes = new Hono<AdminEnv>().use(requireEditor).get('/', async (c) => {
  const n = noteMessagesFor(c.var.site.locale)
  const shared = readSharedLink(c.req.query())
  const values = {
    ...blankNote(c, await firstAuthorId(c)),
    sourceUrl: shared.url,
    title: shared.title,
    quote: shared.text,
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
  const language = page.language === 'fr' || page.language === 'en' ? page.language : null
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
      language: language ?? values.language,
    },
    notice: { message: n.filledFrom(displayHost(shared.url)), tone: 'info' },
  })
})
