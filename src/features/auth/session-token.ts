import { base64UrlToBytes, bytesToBase64Url } from '../../lib/encoding'

/**
 * Session tokens carry their own proof of origin: 16 random bytes, then the first 16 bytes of
 * their HMAC-SHA256 under AUTH_PEPPER, in 43 base64url characters as before. A forged or made-up
 * `__Host-session` is then told apart without D1, and such a request is served as a reader's,
 * from the page cache. Tokens issued before this format fail the check: their editors log in once
 * more, and their rows in `sessions` expire as usual.
 */
const NONCE_BYTES = 16
const MAC_BYTES = 16
const TOKEN = /^[A-Za-z0-9_-]{43}$/
const LABEL = new TextEncoder().encode('editor-session\0')

const keys = new Map<string, Promise<CryptoKey>>()

/** The pepper's HMAC key, imported once per isolate. */
function keyOf(pepper: string) {
  let key = keys.get(pepper)
  if (!key) {
    const raw = new TextEncoder().encode(pepper)
    key = crypto.subtle.importKey('raw', raw, { name: 'HMAC', hash: 'SHA-256' }, false, ['sign'])
    keys.set(pepper, key)
  }
  return key
}

async function macOf(pepper: string, nonce: Uint8Array) {
  const message = new Uint8Array(LABEL.length + nonce.length)
  message.set(LABEL)
  message.set(nonce, LABEL.length)
  const mac = await crypto.subtle.sign('HMAC', await keyOf(pepper), message)
  return new Uint8Array(mac, 0, MAC_BYTES)
}

export async function newSessionToken(pepper: string): Promise<string> {
  const nonce = crypto.getRandomValues(new Uint8Array(NONCE_BYTES))
  const token = new Uint8Array(NONCE_BYTES + MAC_BYTES)
  token.set(nonce)
  token.set(await macOf(pepper, nonce), NONCE_BYTES)
  return bytesToBase64Url(token)
}

/** Whether this server made the token; false without a pepper, as no token can then be made. */
export async function isSignedSessionToken(token: string, pepper: string | undefined) {
  if (!pepper || !TOKEN.test(token)) return false
  const bytes = base64UrlToBytes(token)
  const expected = await macOf(pepper, bytes.subarray(0, NONCE_BYTES))
  let difference = 0
  for (let i = 0; i < MAC_BYTES; i++) difference |= expected[i] ^ bytes[NONCE_BYTES + i]
  return difference === 0
}
