import { createLocalJWKSet, errors, jwtVerify, type JSONWebKeySet } from 'jose'
import { safeFetch } from '../../lib/safe-fetch'

/** The header Cloudflare Access adds to every request it let through. */
export const ACCESS_ASSERTION_HEADER = 'Cf-Access-Jwt-Assertion'

/** Access rotates its keys every six weeks and publishes the next one early: minutes are enough. */
const KEYS_KEPT_MS = 10 * 60_000
/** An unknown key id fetches the keys again, but not more than once a minute. */
const REFETCH_AFTER_MS = 60_000
const MAX_KEYS_BYTES = 64 * 1024

type KeySet = { verify: ReturnType<typeof createLocalJWKSet>; fetchedAt: number }
/** Per isolate: a verification needs no request of its own once the keys are known. */
const keySets = new Map<string, KeySet>()

export type AccessSettings = Pick<Env, 'ACCESS_TEAM_DOMAIN' | 'ACCESS_AUD'>

/** `https://team.cloudflareaccess.com` from the setting, written with or without its scheme. */
export function teamOrigin(teamDomain: string): string {
  const host = teamDomain
    .trim()
    .replace(/^https?:\/\//i, '')
    .replace(/\/+$/, '')
  return `https://${host}`
}

/** Keeps a team's key set for KEYS_KEPT_MS, as fetched from its certs address. */
export function rememberAccessKeys(teamDomain: string, keys: JSONWebKeySet, now = Date.now()) {
  keySets.set(teamOrigin(teamDomain), { verify: createLocalJWKSet(keys), fetchedAt: now })
}

function isKeySet(value: unknown): value is JSONWebKeySet {
  return (
    typeof value === 'object' && value !== null && Array.isArray((value as { keys?: unknown }).keys)
  )
}

/** The team's keys (JWKS), through the safe fetcher, kept a few minutes per isolate. */
async function teamKeys(origin: string, now: number): Promise<KeySet | null> {
  const known = keySets.get(origin)
  if (known && now - known.fetchedAt < KEYS_KEPT_MS) return known
  const fetched = await safeFetch(`${origin}/cdn-cgi/access/certs`, {
    accept: (type) => /^application\/json\b/i.test(type),
    maxBytes: MAX_KEYS_BYTES,
    refuseLarger: true,
  })
  if (!fetched.ok) {
    console.error(`Cloudflare Access keys could not be fetched from ${origin}: ${fetched.reason}`)
    return known ?? null
  }
  const body: unknown = JSON.parse(new TextDecoder().decode(fetched.bytes))
  if (!isKeySet(body)) return known ?? null
  rememberAccessKeys(origin, body, now)
  return keySets.get(origin)!
}

/**
 * The email of the person Cloudflare Access signed in, if the request carries a valid assertion:
 * signed by one of the team's keys, issued by the team, for this application (ACCESS_AUD), not
 * expired. Null without both settings (the header is then ignored), or for any invalid token.
 */
export async function accessEmail(
  request: Request,
  settings: AccessSettings,
  now = Date.now(),
): Promise<string | null> {
  const team = settings.ACCESS_TEAM_DOMAIN?.trim()
  const audience = (settings.ACCESS_AUD ?? '')
    .split(',')
    .map((tag) => tag.trim())
    .filter(Boolean)
  if (!team || audience.length === 0) return null
  const token = request.headers.get(ACCESS_ASSERTION_HEADER)
  if (!token) return null
  const origin = teamOrigin(team)
  const keys = await teamKeys(origin, now)
  if (!keys) return null
  try {
    const { payload } = await jwtVerify(token, keys.verify, {
      issuer: origin,
      audience,
      algorithms: ['RS256'],
      currentDate: new Date(now),
    })
    return typeof payload.email === 'string' ? payload.email : null
  } catch (error) {
    if (error instanceof errors.JWKSNoMatchingKey && now - keys.fetchedAt > REFETCH_AFTER_MS)
      keySets.delete(origin)
    return null
  }
}
