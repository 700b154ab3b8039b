/**
 * A software passkey authenticator for the tests: an ES256 key pair made with WebCrypto, and the
 * attestation ('none') and assertion responses a browser would hand the page, built per the
 * WebAuthn Level 3 spec (authenticator data, COSE key, client data, DER signature).
 */
import { cborEncode, type CborValue } from './cbor'

const encoder = new TextEncoder()

export function base64url(bytes: Uint8Array): string {
  let binary = ''
  for (const byte of bytes) binary += String.fromCharCode(byte)
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '')
}

export function fromBase64url(text: string): Uint8Array {
  const base64 = text.replace(/-/g, '+').replace(/_/g, '/')
  const binary = atob(base64 + '='.repeat((4 - (base64.length % 4)) % 4))
  return Uint8Array.from(binary, (char) => char.charCodeAt(0))
}

const concat = (...parts: Uint8Array[]): Uint8Array<ArrayBuffer> => {
  const out = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0))
  let offset = 0
  for (const part of parts) {
    out.set(part, offset)
    offset += part.length
  }
  return out
}

const sha256 = async (bytes: Uint8Array) =>
  new Uint8Array(await crypto.subtle.digest('SHA-256', Uint8Array.from(bytes)))

const uint32 = (value: number) =>
  Uint8Array.from([(value >>> 24) & 0xff, (value >> 16) & 0xff, (value >> 8) & 0xff, value & 0xff])

/** Flags: user present, user verified, attested credential data included. */
const UP = 0x01
const UV = 0x04
const AT = 0x40

/** An ECDSA signature as WebAuthn carries it: ASN.1 DER `SEQUENCE { r INTEGER, s INTEGER }`. */
function derSignature(raw: Uint8Array): Uint8Array {
  const integer = (bytes: Uint8Array) => {
    let start = 0
    while (start < bytes.length - 1 && bytes[start] === 0) start++
    let body = bytes.slice(start)
    if (body[0] & 0x80) body = concat(Uint8Array.of(0), body)
    return concat(Uint8Array.of(0x02, body.length), body)
  }
  const sequence = concat(integer(raw.slice(0, 32)), integer(raw.slice(32)))
  return concat(Uint8Array.of(0x30, sequence.length), sequence)
}

export type Ceremony = { origin: string; rpId: string; userVerified?: boolean }

export class SoftAuthenticator {
  readonly credentialId = crypto.getRandomValues(new Uint8Array(16))
  counter = 0
  userHandle: Uint8Array = new Uint8Array()
  private constructor(private readonly keys: CryptoKeyPair) {}

  static async create() {
    const keys = (await crypto.subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, true, [
      'sign',
      'verify',
    ])) as CryptoKeyPair
    return new SoftAuthenticator(keys)
  }

  get id() {
    return base64url(this.credentialId)
  }

  private async authenticatorData(rpId: string, flags: number, attested?: Uint8Array) {
    const rpIdHash = await sha256(encoder.encode(rpId))
    return concat(
      rpIdHash,
      Uint8Array.of(flags),
      uint32(this.counter),
      attested ?? new Uint8Array(),
    )
  }

  private async coseKey() {
    const jwk = (await crypto.subtle.exportKey('jwk', this.keys.publicKey)) as JsonWebKey
    return cborEncode(
      new Map<number, number | Uint8Array>([
        [1, 2], // kty: EC2
        [3, -7], // alg: ES256
        [-1, 1], // crv: P-256
        [-2, fromBase64url(jwk.x!)],
        [-3, fromBase64url(jwk.y!)],
      ]),
    )
  }

  /** What `navigator.credentials.create()` resolves to, as `startRegistration()` sends it. */
  async register(
    options: { challenge: string; user: { id: string } },
    { origin, rpId, userVerified = true }: Ceremony,
  ) {
    this.userHandle = fromBase64url(options.user.id)
    const clientDataJSON = encoder.encode(
      JSON.stringify({
        type: 'webauthn.create',
        challenge: options.challenge,
        origin,
        crossOrigin: false,
      }),
    )
    const attested = concat(
      new Uint8Array(16), // AAGUID: none
      Uint8Array.of(this.credentialId.length >> 8, this.credentialId.length & 0xff),
      this.credentialId,
      await this.coseKey(),
    )
    const authData = await this.authenticatorData(rpId, UP | (userVerified ? UV : 0) | AT, attested)
    const attestationObject = cborEncode(
      new Map<string, CborValue>([
        ['fmt', 'none'],
        ['attStmt', new Map()],
        ['authData', authData],
      ]),
    )
    return {
      id: this.id,
      rawId: this.id,
      type: 'public-key' as const,
      clientExtensionResults: {},
      response: {
        clientDataJSON: base64url(clientDataJSON),
        attestationObject: base64url(attestationObject),
        transports: ['internal'],
      },
    }
  }

  /** What `navigator.credentials.get()` resolves to; the counter moves on by one first. */
  async assert(options: { challenge: string }, { origin, rpId, userVerified = true }: Ceremony) {
    this.counter += 1
    const clientDataJSON = encoder.encode(
      JSON.stringify({
        type: 'webauthn.get',
        challenge: options.challenge,
        origin,
        crossOrigin: false,
      }),
    )
    const authData = await this.authenticatorData(rpId, UP | (userVerified ? UV : 0))
    const signed = concat(authData, await sha256(clientDataJSON))
    const raw = new Uint8Array(
      await crypto.subtle.sign({ name: 'ECDSA', hash: 'SHA-256' }, this.keys.privateKey, signed),
    )
    return {
      id: this.id,
      rawId: this.id,
      type: 'public-key' as const,
      clientExtensionResults: {},
      response: {
        clientDataJSON: base64url(clientDataJSON),
        authenticatorData: base64url(authData),
        signature: base64url(derSignature(raw)),
        userHandle: base64url(this.userHandle),
      },
    }
  }
}
