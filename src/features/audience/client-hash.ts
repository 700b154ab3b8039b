import type { Db } from '../../db/client'
import { saltForDay } from './queries'
import { dayOf, visitorHash } from './visitor'

/**
 * Tells clients apart for a limit (the comments' rate limit) the way the counter tells visitors
 * apart: CF-Connecting-IP under the day's salt, cut to 64 bits. The IP itself is never kept, and
 * the hash links nothing across days (the salt is deleted when its day closes).
 */
export async function dailyClientHash(
  db: Db,
  headers: Headers,
  purpose: string,
  timeZone: string,
  now = Date.now(),
): Promise<string> {
  const salt = await saltForDay(db, dayOf(now, timeZone))
  return visitorHash(salt, headers.get('CF-Connecting-IP') ?? '', purpose, '')
}
