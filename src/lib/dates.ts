import type { Locale } from './i18n'

function englishOrdinal(day: number): string {
  const lastTwo = day % 100
  if (lastTwo >= 11 && lastTwo <= 13) return `${day}th`
  return `${day}${{ 1: 'st', 2: 'nd', 3: 'rd' }[day % 10] ?? 'th'}`
}

function dateParts(date: Date, locale: Locale, timeZone: string) {
  const parts = new Intl.DateTimeFormat(locale === 'fr' ? 'fr-FR' : 'en-US', {
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
