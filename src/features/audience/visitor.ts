import { hmac } from '@noble/hashes/hmac.js'
import { sha256 } from '@noble/hashes/sha2.js'
import { isbot } from 'isbot'
import { epochToZonedInputs } from '../../lib/dates'
import { bytesToHex } from '../../lib/encoding'

export type Device = 'mobile' | 'tablet' | 'desktop'

/** A coarse class from the User-Agent; the User-Agent itself is never stored. */
export function deviceClass(userAgent: string): Device {
  if (/iPad|Tablet|PlayBook|Silk|Kindle|Android(?!.*Mobile)/i.test(userAgent)) return 'tablet'
  if (/Mobi|iPhone|iPod|Android|Windows Phone/i.test(userAgent)) return 'mobile'
  return 'desktop'
}

/** Global Privacy Control or Do Not Track: such a reader is not counted at all. */
export function hasOptedOut(headers: Headers): boolean {
  return headers.get('Sec-GPC') === '1' || headers.get('DNT') === '1'
}

/** Browsers announce speculative loads; they are not reads. */
export function isPrefetch(headers: Headers): boolean {
  const purpose = `${headers.get('Sec-Purpose') ?? ''} ${headers.get('Purpose') ?? ''} ${headers.get('X-Moz') ?? ''}`
  return /prefetch|prerender|preview/i.test(purpose)
}

// Most views come from a few browsers, and isbot's pattern is long: recent answers are kept
// (in this isolate's memory only, like the request itself).
const botAnswers = new Map<string, boolean>()

export function isBot(userAgent: string): boolean {
  let answer = botAnswers.get(userAgent)
  if (answer === undefined) {
    answer = userAgent.trim() === '' || isbot(userAgent)
    if (botAnswers.size >= 100) botAnswers.clear()
    botAnswers.set(userAgent, answer)
  }
  return answer
}

/**
 * Where a visit came from: a `?ref=` or `utm_source` value if the link carries one, otherwise the
 * referring site's host name. Never the full referring URL, and never this site itself.
 */
export function referrerSource(url: URL, referer: string | null): string | null {
  const campaign = url.searchParams.get('ref') ?? url.searchParams.get('utm_source')
  if (campaign?.trim()) return campaign.trim().toLowerCase().slice(0, 64)
  if (!referer) return null
  try {
    const host = new URL(referer).hostname.toLowerCase().replace(/^www\./, '')
    const ownHost = url.hostname.toLowerCase().replace(/^www\./, '')
    return host && host !== ownHost ? host.slice(0, 64) : null
  } catch {
    return null
  }
}

// Every counted view asks for today; formatting it is most of the counter's own CPU time. Days in
// every zone start on a whole minute, so the answer holds for the rest of its minute.
let lastDay = { minute: NaN, timeZone: '', day: '' }

/** The calendar day in the site's time zone, as "YYYY-MM-DD". */
export function dayOf(epochMs: number, timeZone: string): string {
  const minute = Math.floor(epochMs / 60_000)
  if (lastDay.minute !== minute || lastDay.timeZone !== timeZone)
    lastDay = { minute, timeZone, day: epochToZonedInputs(epochMs, timeZone).date }
  return lastDay.day
}

// Keyed once per salt (one a day); each view then hashes only its own bytes, synchronously, so a
// counted view costs no asynchronous step when the day's salt is known.
let keyedHmac: { salt: string; hmac: ReturnType<typeof hmac.create> } | null = null

function hmacFor(salt: string) {
  if (keyedHmac?.salt !== salt)
    keyedHmac = { salt, hmac: hmac.create(sha256, new TextEncoder().encode(salt)) }
  return keyedHmac.hmac
}

/** HMAC-SHA256 of who and where under the day's salt, cut to 64 bits: enough to count, not to keep. */
export function visitorHash(salt: string, ip: string, userAgent: string, host: string): string {
  const mac = hmacFor(salt)
    .clone()
    .update(new TextEncoder().encode(`${ip}\n${userAgent}\n${host}`))
    .digest()
  return bytesToHex(mac.subarray(0, 8))
}

export const DEFAULT_RETENTION_MONTHS = 13
export const MAX_RETENTION_MONTHS = 25

/** ANALYTICS_RETENTION_MONTHS, 13 by default and never more than the CNIL's 25. */
export function retentionMonths(setting: string | undefined): number {
  const months = Number(setting)
  if (!Number.isInteger(months) || months < 1) return DEFAULT_RETENTION_MONTHS
  return Math.min(months, MAX_RETENTION_MONTHS)
}

/** The first day still kept: `months` calendar months before `today`. */
export function retentionCutoffDay(today: string, months: number): string {
  const [year, month, day] = today.split('-').map(Number)
  const cutoff = new Date(Date.UTC(year, month - 1 - months, day))
  return cutoff.toISOString().slice(0, 10)
}

/**
 * One key per page however its address was spelled: `/posts/xss%2Da%2D1` is served as
 * `/posts/xss-a-1` and counted as such. Each segment is decoded and re-encoded the one way;
 * a segment that is not valid percent-encoding is kept as sent.
 */
export function canonicalPath(pathname: string): string {
  // Most paths hold nothing that escaping could change.
  if (/^[\w\-./~]*$/.test(pathname)) return pathname
  return pathname
    .split('/')
    .map((segment) => {
      try {
        return encodeURIComponent(decodeURIComponent(segment))
      } catch {
        return segment
      }
    })
    .join('/')
}
