import { eq } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import {
  CLIENT_WINDOW_MS,
  FREE_FAILURES,
  LOCK_FAILURES,
  LOCK_WINDOW_MS,
  claimLoginAttempt,
  deleteOldLoginFailures,
  forgetLoginFailures,
  loginBlockedUntil,
  type AttemptKeys,
} from '../../../src/features/auth/lockout'
import { loginFailures } from '../../../src/db/schema'
import { db } from '../../fixtures'

const SECOND = 1000
const MINUTE = 60 * SECOND
const HOUR = 60 * MINUTE
const T0 = Date.UTC(2026, 2, 1, 8, 0, 0)

/** The keys of a client the account does not know: `ip` on `account`. */
const unknown = (ip: string, account: string): AttemptKeys => ({
  client: `client:${ip}/${account}`,
  locks: [`account:${account}`, `address:${ip}`],
})

async function failTimes(keys: AttemptKeys, times: number, at: number) {
  for (let i = 0; i < times; i++) expect(await claimLoginAttempt(db, keys, at)).not.toBeNull()
}

describe('sign-in throttle on a controlled clock', () => {
  it('lets a client fail 5 times, then makes it wait 1, 2, 4, 8, 16 and at most 30 minutes', async () => {
    expect(FREE_FAILURES).toBe(5)
    const keys = unknown('backoff', 'backoff@blog.example')
    await failTimes(keys, 5, T0)
    let at = T0
    const waits: number[] = []
    for (let i = 0; i < 8; i++) {
      expect(await claimLoginAttempt(db, keys, at)).toBeNull()
      const until = await loginBlockedUntil(db, keys, at)
      // Refused to the last millisecond, let in at the time it was told.
      expect(await claimLoginAttempt(db, keys, until - 1)).toBeNull()
      expect(await claimLoginAttempt(db, keys, until)).not.toBeNull()
      waits.push((until - at) / MINUTE)
      at = until
    }
    expect(waits).toEqual([1, 2, 4, 8, 16, 30, 30, 30])
  })

  it('starts a client afresh once its failures are a day old', async () => {
    expect(CLIENT_WINDOW_MS).toBe(24 * HOUR)
    const keys = unknown('window', 'window@blog.example')
    await failTimes(keys, 5, T0)
    expect(await claimLoginAttempt(db, keys, T0 + MINUTE - 1)).toBeNull()
    await failTimes(keys, 5, T0 + CLIENT_WINDOW_MS)
    expect(await claimLoginAttempt(db, keys, T0 + CLIENT_WINDOW_MS)).toBeNull()
  })

  it('keeps one client’s failures from holding up other clients', async () => {
    const attacker = unknown('198.51.100.1', 'shared@blog.example')
    await failTimes(attacker, 5, T0)
    expect(await claimLoginAttempt(db, attacker, T0)).toBeNull()
    // The owner elsewhere, and a colleague behind the same address signing in to their account.
    expect(
      await claimLoginAttempt(db, unknown('203.0.113.9', 'shared@blog.example'), T0),
    ).not.toBeNull()
    expect(
      await claimLoginAttempt(db, unknown('198.51.100.1', 'colleague@blog.example'), T0),
    ).not.toBeNull()
  })

  it('locks an account for unknown clients after 100 failures in an hour, never a known device', async () => {
    expect([LOCK_FAILURES, LOCK_WINDOW_MS]).toEqual([100, HOUR])
    const account = 'locked@blog.example'
    for (let n = 0; n < LOCK_FAILURES; n++) {
      expect(
        await claimLoginAttempt(db, unknown(`ip${n}`, account), T0 + n * SECOND),
      ).not.toBeNull()
    }
    const fresh = unknown('fresh', account)
    const at = T0 + 10 * MINUTE
    expect(await claimLoginAttempt(db, fresh, at)).toBeNull()
    // Free again once the oldest failure leaves the hour.
    expect(await loginBlockedUntil(db, fresh, at)).toBe(T0 + HOUR)
    expect(await claimLoginAttempt(db, fresh, T0 + HOUR - 1)).toBeNull()
    expect(await claimLoginAttempt(db, fresh, T0 + HOUR)).not.toBeNull()

    const device: AttemptKeys = { client: 'device:owner-laptop', locks: [] }
    expect(await claimLoginAttempt(db, device, at)).not.toBeNull()
  })

  it('locks an address out of accounts after 100 failures across them, never a known device', async () => {
    for (let n = 0; n < LOCK_FAILURES; n++) {
      expect(
        await claimLoginAttempt(db, unknown('sprayer', `user${n}@blog.example`), T0),
      ).not.toBeNull()
    }
    expect(await claimLoginAttempt(db, unknown('sprayer', 'next@blog.example'), T0)).toBeNull()
    expect(
      await claimLoginAttempt(db, unknown('elsewhere', 'next@blog.example'), T0),
    ).not.toBeNull()
    expect(
      await claimLoginAttempt(db, { client: 'device:office-pc', locks: [] }, T0),
    ).not.toBeNull()
  })

  it('claims the free failures only, of 50 simultaneous attempts from one client', async () => {
    const keys = unknown('burst', 'burst@blog.example')
    const claims = await Promise.all(
      Array.from({ length: 50 }, () => claimLoginAttempt(db, keys, T0)),
    )
    expect(claims.filter((claim) => claim !== null)).toHaveLength(FREE_FAILURES)
  })

  it('claims what is left before the lock, of 50 simultaneous attempts from many clients', async () => {
    const account = 'crowd@blog.example'
    for (let n = 0; n < LOCK_FAILURES - 3; n++) {
      await claimLoginAttempt(db, unknown(`early${n}`, account), T0)
    }
    const claims = await Promise.all(
      Array.from({ length: 50 }, (_, n) =>
        claimLoginAttempt(db, unknown(`crowd${n}`, account), T0 + MINUTE),
      ),
    )
    expect(claims.filter((claim) => claim !== null)).toHaveLength(3)
  })

  it('forgets the client’s failures on success but keeps the account’s count', async () => {
    const keys = unknown('forgetful', 'forget@blog.example')
    await failTimes(keys, 4, T0)
    const attempt = await claimLoginAttempt(db, keys, T0)
    await forgetLoginFailures(db, keys, attempt!)
    const rowsOf = (key: string) =>
      db.select().from(loginFailures).where(eq(loginFailures.key, key))
    expect(await rowsOf(keys.client)).toEqual([])
    expect(await rowsOf('account:forget@blog.example')).toHaveLength(4)
  })

  it('deletes failures a day old', async () => {
    await db.delete(loginFailures)
    await db.insert(loginFailures).values([
      { key: 'client:old', failedAt: new Date(T0 - CLIENT_WINDOW_MS) },
      { key: 'client:recent', failedAt: new Date(T0 - CLIENT_WINDOW_MS + 1) },
    ])
    await deleteOldLoginFailures(db, T0)
    expect((await db.select().from(loginFailures)).map((row) => row.key)).toEqual(['client:recent'])
  })
})
