import { bytesToBase64 } from '../../lib/encoding'
import { hmacSha256 } from '../../lib/tokens'

/**
 * Cloudflare's production Workers refuse PBKDF2 above 100,000 iterations (local workerd does not),
 * so this is both the floor and the ceiling here. The stored format names the algorithm and the
 * count, so hashes made with another count still verify if the platform limit moves.
 */
export const PBKDF2_ITERATIONS = 100_000
export const MIN_PASSWORD_LENGTH = 12
const SALT_BYTES = 16
const HASH_BITS = 256

export async function pbkdf2(
  peppered: Uint8Array<ArrayBuffer>,
  salt: Uint8Array<ArrayBuffer>,
  iterations: number,
): Promise<Uint8Array> {
  const key = await crypto.subtle.importKey('raw', peppered, 'PBKDF2', false, ['deriveBits'])
  const bits = await crypto.subtle.deriveBits(
    { name: 'PBKDF2', hash: 'SHA-256', salt, iterations },
    key,
    HASH_BITS,
  )
  return new Uint8Array(bits)
}

/** The pepper (a secret kept outside D1) keys an HMAC of the password before it is stretched. */
export async function hashPassword(password: string, pepper: string): Promise<string> {
  const salt = crypto.getRandomValues(new Uint8Array(SALT_BYTES))
  const hash = await pbkdf2(await hmacSha256(pepper, password), salt, PBKDF2_ITERATIONS)
  return `pbkdf2-sha256$${PBKDF2_ITERATIONS}$${bytesToBase64(salt)}$${bytesToBase64(hash)}`
}

/** A readable random password for `editor:add` and the demo editor: 20 characters, ~119 bits. */
export function generatePassword(): string {
  const alphabet = 'abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789'
  const unbiasedLimit = 256 - (256 % alphabet.length)
  let password = ''
  while (password.length < 20) {
    for (const byte of crypto.getRandomValues(new Uint8Array(32))) {
      if (byte < unbiasedLimit && password.length < 20) password += alphabet[byte % alphabet.length]
    }
  }
  return password
}
