import { describe, expect, it } from 'vitest'
import { formatPostDate, formatScheduledFor } from '../../src/lib/dates'

describe('post dates', () => {
  it('writes English dates with an ordinal, as the reference blog does', () => {
    const cases: [string, string][] = [
      ['2023-12-01T12:00:00Z', 'December 1st, 2023'],
      ['2023-12-02T12:00:00Z', 'December 2nd, 2023'],
      ['2023-12-03T12:00:00Z', 'December 3rd, 2023'],
      ['2023-12-11T12:00:00Z', 'December 11th, 2023'],
      ['2023-12-12T12:00:00Z', 'December 12th, 2023'],
      ['2023-12-13T12:00:00Z', 'December 13th, 2023'],
      ['2023-12-21T12:00:00Z', 'December 21st, 2023'],
      ['2023-12-22T12:00:00Z', 'December 22nd, 2023'],
      ['2023-12-31T12:00:00Z', 'December 31st, 2023'],
    ]
    for (const [iso, expected] of cases) {
      expect(formatPostDate(new Date(iso), 'en', 'Europe/Paris')).toBe(expected)
    }
  })

  it('writes French dates with French month names and accents', () => {
    expect(formatPostDate(new Date('2023-12-01T12:00:00Z'), 'fr', 'Europe/Paris')).toBe(
      '1 décembre 2023',
    )
    expect(formatPostDate(new Date('2024-02-14T12:00:00Z'), 'fr', 'Europe/Paris')).toBe(
      '14 février 2024',
    )
    expect(formatPostDate(new Date('2024-08-15T12:00:00Z'), 'fr', 'Europe/Paris')).toBe(
      '15 août 2024',
    )
  })

  it('uses the site time zone, not UTC, for the day', () => {
    const lateEvening = new Date('2023-11-30T23:30:00Z')
    expect(formatPostDate(lateEvening, 'en', 'Europe/Paris')).toBe('December 1st, 2023')
    expect(formatPostDate(lateEvening, 'en', 'UTC')).toBe('November 30th, 2023')
  })
})

describe('dates typed in the editor', () => {
  it('reads a wall-clock time in the chosen time zone, summer and winter', async () => {
    const { zonedDateTimeToEpoch, epochToZonedInputs } = await import('../../src/lib/dates')
    expect(
      new Date(zonedDateTimeToEpoch('2026-07-01', '09:30', 'Europe/Paris')!).toISOString(),
    ).toBe('2026-07-01T07:30:00.000Z')
    expect(
      new Date(zonedDateTimeToEpoch('2026-12-01', '09:30', 'Europe/Paris')!).toISOString(),
    ).toBe('2026-12-01T08:30:00.000Z')
    expect(
      new Date(zonedDateTimeToEpoch('2026-12-01', '09:30', 'America/New_York')!).toISOString(),
    ).toBe('2026-12-01T14:30:00.000Z')
    expect(epochToZonedInputs(Date.parse('2026-12-01T08:30:00Z'), 'Europe/Paris')).toEqual({
      date: '2026-12-01',
      time: '09:30',
    })
  })

  it('refuses dates and times that do not exist', async () => {
    const { zonedDateTimeToEpoch } = await import('../../src/lib/dates')
    for (const [date, time] of [
      ['2026-02-30', '10:00'],
      ['2026-13-01', '10:00'],
      ['2026-12-01', '24:00'],
      ['01/12/2026', '10:00'],
      ['2026-12-01', '9h30'],
    ]) {
      expect(zonedDateTimeToEpoch(date, time, 'Europe/Paris')).toBeNull()
    }
  })
})

describe('scheduled-for messages', () => {
  const december2 = new Date(Date.UTC(2026, 11, 2, 8, 0))
  const now = Date.UTC(2026, 10, 29)
  it('says when, in which zone, in the admin’s language', () => {
    expect(formatScheduledFor(december2, 'en', 'Europe/Paris', now)).toBe(
      '2 December at 09:00, Paris time',
    )
    expect(formatScheduledFor(december2, 'fr', 'Europe/Paris', now)).toBe(
      '2 décembre à 09:00, heure de Paris',
    )
    expect(formatScheduledFor(december2, 'en', 'America/New_York', Date.UTC(2025, 0, 1))).toBe(
      '2 December 2026 at 03:00, New York time',
    )
  })
})
