import type { Locale } from '../i18n/site'

function englishOrdinal(day: number): string {
  const lastTwo = day % 100
  if (lastTwo >= 11 && lastTwo <= 13) return `${day}th`
  return `${day}${{ 1: 'st', 2: 'nd', 3: 'rd' }[day % 10] ?? 'th'}`
}

// Building an Intl.DateTimeFormat costs far more than using one; pages format many dates.
const formatters = new Map<string, Intl.DateTimeFormat>()

function formatter(locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const id = `${locale}|${JSON.stringify(options)}`
  let cached = formatters.get(id)
  if (!cached) {
    cached = new Intl.DateTimeFormat(locale, options)
    formatters.set(id, cached)
  }
  return cached
}

function dateParts(date: Date, locale: Locale, timeZone: string) {
  const parts = formatter(locale === 'fr' ? 'fr-FR' : 'en-US', {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone,
  }).formatToParts(date)
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? ''
  return { day: Number(part('day')), month: part('month'), year: part('year') }
}

/** "December 1st, 2023" in English, "1 décembre 2023" in French, in the site's time zone. */
export function formatPostDate(date: Date, locale: Locale, timeZone: string): string {
  const { day, month, year } = dateParts(date, locale, timeZone)
  return locale === 'fr' ? `${day} ${month} ${year}` : `${month} ${englishOrdinal(day)}, ${year}`
}

/** The machine-readable form for `<time datetime>`. */
export function isoDate(date: Date): string {
  return date.toISOString()
}

export function isValidTimeZone(timeZone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone })
    return true
  } catch {
    return false
  }
}

function zonedParts(epochMs: number, timeZone: string) {
  const parts = formatter('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).formatToParts(new Date(epochMs))
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value)
  return {
    year: get('year'),
    month: get('month'),
    day: get('day'),
    hour: get('hour'),
    minute: get('minute'),
    second: get('second'),
  }
}

function offsetAt(epochMs: number, timeZone: string): number {
  const p = zonedParts(epochMs, timeZone)
  return (
    Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second) -
    Math.floor(epochMs / 1000) * 1000
  )
}

/**
 * "2026-12-01" and "09:30" on a wall clock in `timeZone` → epoch milliseconds, or null when the
 * date or time does not exist (31 February, 25:00). DST gaps resolve to the later offset.
 */
export function zonedDateTimeToEpoch(date: string, time: string, timeZone: string): number | null {
  const dateMatch = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date.trim())
  const timeMatch = /^(\d{2}):(\d{2})$/.exec(time.trim())
  if (!dateMatch || !timeMatch) return null
  const [year, month, day] = dateMatch.slice(1).map(Number)
  const [hour, minute] = timeMatch.slice(1).map(Number)
  if (hour > 23 || minute > 59) return null
  const wallClock = Date.UTC(year, month - 1, day, hour, minute)
  const check = new Date(wallClock)
  if (
    check.getUTCFullYear() !== year ||
    check.getUTCMonth() !== month - 1 ||
    check.getUTCDate() !== day
  )
    return null
  let epoch = wallClock - offsetAt(wallClock, timeZone)
  epoch = wallClock - offsetAt(epoch, timeZone)
  return epoch
}

/** Epoch milliseconds → the "YYYY-MM-DD" and "HH:MM" a date and a time input show in `timeZone`. */
export function epochToZonedInputs(
  epochMs: number,
  timeZone: string,
): { date: string; time: string } {
  const p = zonedParts(epochMs, timeZone)
  const pad = (n: number) => String(n).padStart(2, '0')
  return {
    date: `${p.year}-${pad(p.month)}-${pad(p.day)}`,
    time: `${pad(p.hour)}:${pad(p.minute)}`,
  }
}

/** Date and time in the site's language, for the admin. */
export function formatDateTime(date: Date, locale: Locale, timeZone: string): string {
  return formatter(locale === 'fr' ? 'fr-FR' : 'en-GB', {
    dateStyle: 'medium',
    timeStyle: 'short',
    timeZone,
  }).format(date)
}

/** "Paris time" / "heure de Paris" from an IANA zone; "UTC" stays "UTC". */
function zoneName(timeZone: string, locale: Locale): string {
  const city = timeZone.split('/').pop()!.replace(/_/g, ' ')
  if (!timeZone.includes('/')) return timeZone
  return locale === 'fr' ? `heure de ${city}` : `${city} time`
}

/**
 * "2 December at 09:00, Paris time" / "2 décembre à 09:00, heure de Paris": when a scheduled
 * post goes live, in the zone it was scheduled in; the year only when it is not this year's.
 */
export function formatScheduledFor(
  date: Date,
  locale: Locale,
  timeZone: string,
  now = Date.now(),
): string {
  const { day, month, year } = dateParts(date, locale, timeZone)
  const thisYear = dateParts(new Date(now), locale, timeZone).year
  const { time } = epochToZonedInputs(date.getTime(), timeZone)
  const dayMonth = `${day} ${month}${year === thisYear ? '' : ` ${year}`}`
  return `${dayMonth} ${locale === 'fr' ? 'à' : 'at'} ${time}, ${zoneName(timeZone, locale)}`
}

/** "14:32": a time of day in the site's zone, for autosave messages. */
export function formatTimeOfDay(date: Date, timeZone: string): string {
  return epochToZonedInputs(date.getTime(), timeZone).time
}

/** A "YYYY-MM-DD" day as the admin shows dates ("29 Nov 2026", "29 nov. 2026"). */
export function formatDay(day: string, locale: Locale): string {
  return formatter(locale === 'fr' ? 'fr-FR' : 'en-GB', {
    dateStyle: 'medium',
    timeZone: 'UTC',
  }).format(new Date(`${day}T12:00:00Z`))
}
