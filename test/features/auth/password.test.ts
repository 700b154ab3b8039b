import { describe, expect, it } from 'vitest'
import { generatePassword, hashPassword, PBKDF2_ITERATIONS } from '../../../src/features/auth/password'
import { verifyPassword } from '../../../src/features/auth/verify-password'

describe('password hashing', () => {
  it('stores algorithm, iterations, salt and hash, at the Workers cap of 100,000 iterations', async () => {
    const stored = await hashPassword('un mot de passe très long', 'pepper')
    expect(PBKDF2_ITERATIONS).toBe(100_000)
    expect(stored).toMatch(/^pbkdf2-sha256\$100000\$[A-Za-z0-9+/=]{24}\$[A-Za-z0-9+/=]{44}$/)
  })

  it('salts every hash', async () => {
    expect(await hashPassword('same password', 'pepper')).not.toBe(
      await hashPassword('same password', 'pepper'),
    )
  })

  it('verifies the right password only, and only with the same pepper', async () => {
    const stored = await hashPassword('correct horse battery', 'pepper')
    expect(await verifyPassword('correct horse battery', stored, 'pepper')).toBe(true)
    expect(await verifyPassword('correct horse batterY', stored, 'pepper')).toBe(false)
    expect(await verifyPassword('correct horse battery', stored, 'other pepper')).toBe(false)
  })

  it('refuses stored hashes it cannot trust', async () => {
    expect(await verifyPassword('x', 'md5$1$abc$def', 'pepper')).toBe(false)
    expect(await verifyPassword('x', 'pbkdf2-sha256$600000$AAAA$AAAA', 'pepper')).toBe(false)
  })

  it('compares with the platform’s timingSafeEqual, and a truncated hash is a refusal, not a crash', async () => {
    const stored = await hashPassword('correct horse battery', 'pepper')
    const truncated = stored.replace(/[^$]+$/, 'AAAAAAAAAAAAAAAAAAAAAA==')
    expect(await verifyPassword('correct horse battery', truncated, 'pepper')).toBe(false)
    const calls: number[] = []
    const original = crypto.subtle.timingSafeEqual
    crypto.subtle.timingSafeEqual = (a, b) => (
      calls.push(a.byteLength),
      original.call(crypto.subtle, a, b)
    )
    try {
      expect(await verifyPassword('correct horse battery', stored, 'pepper')).toBe(true)
    } finally {
      crypto.subtle.timingSafeEqual = original
    }
    expect(calls).toEqual([32])
  })

  it('generates long random passwords', () => {
    const passwords = new Set(Array.from({ length: 50 }, generatePassword))
    expect(passwords.size).toBe(50)
    for (const password of passwords) expect(password).toMatch(/^[A-Za-z2-9]{20}$/)
  })
})
