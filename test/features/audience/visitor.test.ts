import { describe, expect, it } from 'vitest'
import { dayOf, visitorHash } from '../../../src/features/audience/visitor'

describe('dayOf', () => {
  it('turns at midnight in the site time zone, even when asked again within the minute', () => {
    const lastMinute = Date.UTC(2026, 10, 29, 22, 59, 30) // 23:59:30 in Paris
    expect(dayOf(lastMinute, 'Europe/Paris')).toBe('2026-11-29')
    expect(dayOf(lastMinute + 29_000, 'Europe/Paris')).toBe('2026-11-29')
    expect(dayOf(lastMinute + 30_000, 'Europe/Paris')).toBe('2026-11-30')
  })

  it('answers for the zone asked, not the last one', () => {
    const instant = Date.UTC(2026, 10, 29, 23, 30)
    expect(dayOf(instant, 'UTC')).toBe('2026-11-29')
    expect(dayOf(instant, 'Asia/Tokyo')).toBe('2026-11-30')
    expect(dayOf(instant, 'America/Los_Angeles')).toBe('2026-11-29')
    expect(dayOf(instant, 'Asia/Kolkata')).toBe('2026-11-30')
  })
})

describe('visitorHash', () => {
  it('is HMAC-SHA256 under the day’s salt, cut to 64 bits', async () => {
    const salt = 'c2FsdC1mb3ItdGhlLWRheQ'
    const key = await crypto.subtle.importKey(
      'raw',
      new TextEncoder().encode(salt),
      { name: 'HMAC', hash: 'SHA-256' },
      false,
      ['sign'],
    )
    const data = '192.0.2.7\nMozilla/5.0\nblog.example'
    const mac = new Uint8Array(
      await crypto.subtle.sign('HMAC', key, new TextEncoder().encode(data)),
    )
    const expected = [...mac.slice(0, 8)].map((b) => b.toString(16).padStart(2, '0')).join('')
    expect(visitorHash(salt, '192.0.2.7', 'Mozilla/5.0', 'blog.example')).toBe(expected)
    expect(visitorHash(salt, '192.0.2.8', 'Mozilla/5.0', 'blog.example')).not.toBe(expected)
    expect(visitorHash(`${salt}x`, '192.0.2.7', 'Mozilla/5.0', 'blog.example')).not.toBe(expected)
  })
})
