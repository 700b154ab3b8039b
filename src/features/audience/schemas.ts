import * as v from 'valibot'
import { typedText } from '../../lib/validation/form'

export const RANGE_PRESETS = [7, 30, 90]
const DAY_MS = 86_400_000

export function addDays(day: string, days: number) {
  return new Date(Date.parse(`${day}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10)
}

/** A calendar day that exists: 2026-02-31 does not, though `Date.parse` rolls it into March. */
export function isRealDay(day: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) return false
  const time = Date.parse(`${day}T00:00:00Z`)
  return !Number.isNaN(time) && new Date(time).toISOString().slice(0, 10) === day
}

export const analyticsQuery = v.object({ from: typedText, to: typedText, range: typedText })

export type AnalyticsRange = { preset: string; from: string; to: string; error: boolean }

/**
 * A preset (`?range=30`) or a custom range (`?from=…&to=…`) of real days, clamped to what is
 * kept (`firstKept` to `today`); a range outside it, reversed or made of impossible days is
 * refused, and the last 30 days are shown instead.
 */
export function readRange(
  query: v.InferOutput<typeof analyticsQuery>,
  today: string,
  firstKept: string,
): AnalyticsRange {
  const fallback = { preset: '30', from: addDays(today, -29), to: today }
  if (query.from || query.to) {
    const from = query.from < firstKept ? firstKept : query.from
    const to = query.to > today ? today : query.to
    if (isRealDay(query.from) && isRealDay(query.to) && from <= to)
      return { preset: '', from, to, error: false }
    return { ...fallback, error: true }
  }
  const days = RANGE_PRESETS.find((preset) => String(preset) === query.range) ?? 30
  return { preset: String(days), from: addDays(today, -(days - 1)), to: today, error: false }
}
