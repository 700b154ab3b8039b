import { describe, expect, it } from 'vitest'
import { cspSha256 } from '../../src/ui/csp-hash'

describe('cspSha256', () => {
  it.each(['', '.a { color: red }\n', 'font-family: "Hôte" — ✓'])(
    'gives the CSP source WebCrypto’s SHA-256 of %j would',
    async (text) => {
      const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text))
      const base64 = btoa(String.fromCharCode(...new Uint8Array(digest)))
      expect(cspSha256(text)).toBe(`'sha256-${base64}'`)
    },
  )
})
