import type { Context } from 'hono'
import { createMiddleware } from 'hono/factory'
import { recordView, saltForDay, type CountedView } from '../db/audience'
import {
  canonicalPath,
  dayOf,
  deviceClass,
  hasOptedOut,
  isBot,
  isPrefetch,
  referrerSource,
  visitorHash,
} from '../lib/audience'
import { isFragmentRequest } from '../lib/htmx'
import type { AppEnv } from '../types'

/** What a view adds up to; null when it is not a reader's page view at all. */
async function countedView(c: Context<AppEnv>, now: number): Promise<CountedView | null> {
  const { req, res } = c
  if (req.method !== 'GET' || (res.status !== 200 && res.status !== 304)) return null
  if (!res.headers.get('Content-Type')?.startsWith('text/html')) return null
  const headers = req.raw.headers
  if (hasOptedOut(headers) || isPrefetch(headers)) return null

  const url = new URL(req.url)
  const path = canonicalPath(url.pathname)
  if (path === '/admin' || path.startsWith('/admin/')) return null
  const day = dayOf(now, c.var.site.timeZone)
  const userAgent = headers.get('User-Agent') ?? ''
  if (isBot(userAgent)) return { day, visitorHash: null, counts: [{ metric: 'bot', key: '' }] }

  if (isFragmentRequest(headers))
    return { day, visitorHash: null, counts: [{ metric: 'more', key: path }] }

  const counts: CountedView['counts'] = [
    { metric: 'page', key: path },
    { metric: 'device', key: deviceClass(userAgent) },
  ]
  const source = referrerSource(url, headers.get('Referer'))
  if (source) counts.push({ metric: 'referrer', key: source })
  const country = (req.raw as Request & { cf?: { country?: string } }).cf?.country
  if (country) counts.push({ metric: 'country', key: country })

  const ip = headers.get('CF-Connecting-IP') ?? ''
  const salt = await saltForDay(c.var.db, day)
  return { day, visitorHash: await visitorHash(salt, ip, userAgent, url.host), counts }
}

/**
 * Counts readers' page views inside the Worker, after the response is sent: no cookie, no script,
 * nothing kept that identifies a person. A failed write is logged, never shown to the reader.
 */
export const audienceCounter = createMiddleware<AppEnv>(async (c, next) => {
  await next()
  if (c.env.ANALYTICS_ENABLED === 'false') return
  let executionCtx: Context['executionCtx']
  try {
    executionCtx = c.executionCtx
  } catch {
    return // app.request() without a runtime context, as in some tests: nothing to wait on.
  }
  const now = Date.now()
  executionCtx.waitUntil(
    countedView(c, now)
      .then((view) => (view ? recordView(c.var.db, view) : undefined))
      .catch((error) => console.error('Audience counter: the view was not recorded.', error)),
  )
})
