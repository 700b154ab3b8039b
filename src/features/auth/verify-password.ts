import { base64ToBytes } from '../../lib/encoding'
import { hmacSha256 } from '../../lib/tokens'
import { PBKDF2_ITERATIONS, pbkdf2 } from './password'

// Checking lives apart from hashing: the command-line tools hash passwords on Node, where
// `crypto.subtle.timingSafeEqual` (a Workers addition, unknown to the DOM typings) does not exist.
const subtle = crypto.subtle as SubtleCrypto & {
  timingSafeEqual(a: ArrayBufferView, b: ArrayBufferView): boolean
}

/** Workers' own constant-time comparison; it refuses buffers of different lengths, so check first. */
function equalInConstantTime(a: Uint8Array, b: Uint8Array): boolean {
  return a.byteLength === b.byteLength && subtle.timingSafeEqual(a, b)
}

export async function verifyPassword(
  password: string,
  stored: string,
  pepper: string,
): Promise<boolean> {
  const [algorithm, iterationsText, saltText, hashText] = stored.split('$')
  const iterations = Number(iterationsText)
  if (
    algorithm !== 'pbkdf2-sha256' ||
    !Number.isInteger(iterations) ||
    iterations > PBKDF2_ITERATIONS
  )
    return false
  const expected = base64ToBytes(hashText)
  const actual = await pbkdf2(
    await hmacSha256(pepper, password),
    base64ToBytes(saltText),
    iterations,
  )
  return equalInConstantTime(actual, expected)
}

/** A stand-in hash so that an unknown email costs the same time as a wrong password. */
export const DUMMY_PASSWORD_HASH = `pbkdf2-sha256$${PBKDF2_ITERATIONS}$AAAAAAAAAAAAAAAAAAAAAA==$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=`
