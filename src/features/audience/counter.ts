import type { Context } from 'hono'
import { createMiddleware } from 'hono/factory'
import { knownSalt, saltForDay, type CountedView } from './queries'
import { senderFor } from './shards'
import {
  canonicalPath,
  dayOf,
  deviceClass,
  hasOptedOut,
  isBot,
  isPrefetch,
  referrerSource,
  visitorHash,
} from './visitor'
import { isFragmentRequest } from '../../lib/htmx'
import type { AppEnv } from '../../types'

/** Who the view is from, to be hashed once the day's salt is known. */
type Visitor = { ip: string; userAgent: string; host: string }

/** What a view adds up to; null when it is not a reader's page view at all. */
function countedView(
  c: Context<AppEnv>,
  day: string,
): { view: CountedView; visitor: Visitor | null } | null {
  const { req, res } = c
  if (req.method !== 'GET' || (res.status !== 200 && res.status !== 304)) return null
  if (!res.headers.get('Content-Type')?.startsWith('text/html')) return null
  const headers = req.raw.headers
  if (hasOptedOut(headers) || isPrefetch(headers)) return null

  const url = new URL(req.url)
  const path = canonicalPath(url.pathname)
  if (path === '/admin' || path.startsWith('/admin/')) return null
  // A shared preview of a draft is not a reader's view of the blog.
  if (path.startsWith('/preview/')) return null
  const userAgent = headers.get('User-Agent') ?? ''
  const anonymous = (metric: 'bot' | 'more', key: string) => ({
    view: { day, visitorHash: null, counts: [{ metric, key }] },
    visitor: null,
  })
  if (isBot(userAgent)) return anonymous('bot', '')
  if (isFragmentRequest(headers)) return anonymous('more', path)

  const counts: CountedView['counts'] = [
    { metric: 'page', key: path },
    { metric: 'device', key: deviceClass(userAgent) },
  ]
  const source = referrerSource(url, headers.get('Referer'))
  if (source) counts.push({ metric: 'referrer', key: source })
  const country = (req.raw as Request & { cf?: { country?: string } }).cf?.country
  if (country) counts.push({ metric: 'country', key: country })

  const ip = headers.get('CF-Connecting-IP') ?? ''
  return { view: { day, visitorHash: null, counts }, visitor: { ip, userAgent, host: url.host } }
}

function withVisitor(view: CountedView, visitor: Visitor | null, salt: string): CountedView {
  if (!visitor) return view
  return { ...view, visitorHash: visitorHash(salt, visitor.ip, visitor.userAgent, visitor.host) }
}

const logFailure = (error: unknown) =>
  console.error('Audience counter: the view was not recorded.', error)

/**
 * Records the view, if the settings (read after the response, and usually known to the isolate
 * already) have the counter on.
 */
async function count(c: Context<AppEnv>, now: number) {
  const site = await c.var.loadSite()
  if (!site.audience.enabled) return
  const counted = countedView(c, dayOf(now, site.timeZone))
  if (!counted) return
  const { view, visitor } = counted
  const sender = senderFor(c.env)
  const record = (salt: string) => sender.record(withVisitor(view, visitor, salt))
  // Usually the day's salt is known: the view joins its shard's batch at once.
  const salt = visitor ? knownSalt(view.day) : ''
  await (salt !== undefined
    ? record(salt)
    : saltForDay(c.var.db, view.day).then(record, (error) => sender.lost(view, error)))
}

/** Whether the answer can be a reader's page view at all, before any setting is read. */
function mayBeView(c: Context<AppEnv>) {
  const { req, res } = c
  return (
    req.method === 'GET' &&
    (res.status === 200 || res.status === 304) &&
    !!res.headers.get('Content-Type')?.startsWith('text/html')
  )
}

/**
 * Counts readers' page views inside the Worker, after the response is sent: no cookie, no script,
 * nothing kept that identifies a person. The view goes to its shard (README, "Counting at scale")
 * within `waitUntil`; a shard that cannot be reached is retried, and views that still could not
 * be recorded are reported to the owner. Nothing of it is ever shown to the reader.
 */
export const audienceCounter = createMiddleware<AppEnv>(async (c, next) => {
  await next()
  let executionCtx: Context['executionCtx']
  try {
    executionCtx = c.executionCtx
  } catch {
    return // app.request() without a runtime context, as in some tests: nothing to wait on.
  }
  if (!mayBeView(c)) return
  executionCtx.waitUntil(count(c, Date.now()).catch(logFailure))
})
