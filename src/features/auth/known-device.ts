import type { Context } from 'hono'
import { getCookie, setCookie } from 'hono/cookie'
import { base64ToBytes, bytesToBase64Url } from '../../lib/encoding'
import { sha256Hex } from '../../lib/tokens'

/**
 * Sent as `__Host-device` (Secure, Path=/, no Domain) by a successful sign-in only, so only on
 * admin responses: it names a browser that has signed in to one account, which then is held up by
 * its own failures alone, never by a lock an attacker elsewhere brought on the account.
 */
const DEVICE_COOKIE = 'device'
const DEVICE_MAX_AGE_S = 180 * 86_400

function hmacKey(pepper: string) {
  return crypto.subtle.importKey(
    'raw',
    new TextEncoder().encode(pepper),
    { name: 'HMAC', hash: 'SHA-256' },
    false,
    ['sign', 'verify'],
  )
}

const signedText = (userId: number, deviceId: string) => `known-device:${userId}:${deviceId}`

function base64UrlToBytes(text: string) {
  return base64ToBytes(text.replace(/-/g, '+').replace(/_/g, '/'))
}

/** Marks this browser as one that signed in to `userId`: a random id, signed with the account id. */
export async function markKnownDevice(c: Context, pepper: string, userId: number) {
  const deviceId = bytesToBase64Url(crypto.getRandomValues(new Uint8Array(16)))
  const signature = await crypto.subtle.sign(
    'HMAC',
    await hmacKey(pepper),
    new TextEncoder().encode(signedText(userId, deviceId)),
  )
  setCookie(
    c,
    DEVICE_COOKIE,
    `${userId}.${deviceId}.${bytesToBase64Url(new Uint8Array(signature))}`,
    {
      prefix: 'host',
      httpOnly: true,
      secure: true,
      sameSite: 'Strict',
      path: '/',
      maxAge: DEVICE_MAX_AGE_S,
    },
  )
}

/**
 * The throttle key of this browser if its cookie was signed for `userId`, else null. The key is a
 * hash of the device id, so D1 never holds what the cookie carries.
 */
export async function knownDeviceKey(
  c: Context,
  pepper: string,
  userId: number,
): Promise<string | null> {
  const cookie = getCookie(c, DEVICE_COOKIE, 'host')
  const match = cookie ? /^(\d+)\.([A-Za-z0-9_-]{22})\.([A-Za-z0-9_-]{43})$/.exec(cookie) : null
  if (!match || Number(match[1]) !== userId) return null
  const [, , deviceId, signature] = match
  // `verify` compares in constant time.
  const valid = await crypto.subtle.verify(
    'HMAC',
    await hmacKey(pepper),
    base64UrlToBytes(signature),
    new TextEncoder().encode(signedText(userId, deviceId)),
  )
  return valid ? `device:${(await sha256Hex(deviceId)).slice(0, 32)}` : null
}
