import { describe, expect, it } from 'vitest'
import { dayOf } from '../../src/lib/audience'

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
