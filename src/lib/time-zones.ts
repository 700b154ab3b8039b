const COMMON_TIME_ZONES = [
  'Europe/Paris',
  'Europe/London',
  'UTC',
  'America/New_York',
  'America/Los_Angeles',
  'Asia/Tokyo',
]

/** Every IANA zone the runtime knows, the site's own first. */
export function timeZoneChoices(siteTimeZone: string): string[] {
  const all =
    typeof Intl.supportedValuesOf === 'function'
      ? Intl.supportedValuesOf('timeZone')
      : COMMON_TIME_ZONES
  return [siteTimeZone, ...all.filter((zone) => zone !== siteTimeZone)]
}
