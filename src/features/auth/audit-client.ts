/**
 * The client of an audited event, coarsely: a browser family from the User-Agent and the country
 * Cloudflare found for the connection. Never an address, a version or a device model.
 */
export type AuditClient = { browser: string; country: string }

// Order matters: Edge, Opera and Samsung's browser also call themselves Chrome and Safari.
const FAMILIES: [RegExp, string][] = [
  [/\bEdg(?:e|A|iOS)?\//, 'Edge'],
  [/\b(?:OPR|Opera)\//, 'Opera'],
  [/\bSamsungBrowser\//, 'Samsung Internet'],
  [/\b(?:Firefox|FxiOS)\//, 'Firefox'],
  [/\b(?:Chrome|Chromium|CriOS)\//, 'Chrome'],
  [/\bVersion\/[\d.]+.*\bSafari\//, 'Safari'],
  [/\bcurl\//, 'curl'],
]

export function browserFamily(userAgent: string | undefined): string {
  if (!userAgent) return ''
  return FAMILIES.find(([pattern]) => pattern.test(userAgent))?.[1] ?? 'Other'
}

export function auditClientOf(request: Request): AuditClient {
  const country = (request as Request & { cf?: { country?: unknown } }).cf?.country
  return {
    browser: browserFamily(request.headers.get('User-Agent') ?? undefined),
    country: typeof country === 'string' ? country : '',
  }
}
