import { sha256 } from '@noble/hashes/sha2.js'
import { bytesToBase64 } from '../lib/encoding'

/**
 * The Content-Security-Policy source that allows exactly this inline text. Synchronous (unlike
 * WebCrypto), so a policy can be built from it once, when its module loads.
 */
export function cspSha256(text: string): string {
  return `'sha256-${bytesToBase64(sha256(new TextEncoder().encode(text)))}'`
}
