import { bytesToBase64Url, bytesToHex } from './encoding'

/** 256 random bits, URL-safe. */
export function randomToken(): string {
  return bytesToBase64Url(crypto.getRandomValues(new Uint8Array(32)))
}

export async function sha256Hex(text: string): Promise<string> {
  return bytesToHex(
    new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text))),
  )
}

export async function hmacSha256(key: string, message: string): Promise<Uint8Array<ArrayBuffer>> {
  const encoder = new TextEncoder()
  const hmacKey = await crypto.subtle.importKey(
    'raw',
    encoder.encode(key),
    { name: 'HMAC', hash: 'SHA-256' },
    false,
    ['sign'],
  )
  return new Uint8Array(await crypto.subtle.sign('HMAC', hmacKey, encoder.encode(message)))
}
