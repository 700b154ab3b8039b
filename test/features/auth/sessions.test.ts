import { beforeAll, describe, expect, it } from 'vitest'
import {
  SESSION_ABSOLUTE_MS,
  SESSION_IDLE_MS,
  createSession,
  findSessionUser,
} from '../../../src/features/auth/sessions'
import { createEditor } from '../../admin-helpers'
import { db } from '../../fixtures'

const MINUTE = 60_000
const T0 = Date.UTC(2026, 2, 1, 8, 0, 0)
let userId: number

beforeAll(async () => {
  userId = (await createEditor('clock@blog.example')).id
})

/** A session opened at T0; the returned function asks for it m minutes later on that clock. */
async function sessionFrom(token: string) {
  await createSession(db, token, userId, T0)
  return (minutes: number) => findSessionUser(db, token, T0 + minutes * MINUTE)
}

describe('session expiry on a controlled clock', () => {
  it('is 30 idle minutes and 8 hours in all', () => {
    expect(SESSION_IDLE_MS).toBe(30 * MINUTE)
    expect(SESSION_ABSOLUTE_MS).toBe(8 * 60 * MINUTE)
  })

  it('lives up to 30 idle minutes and not one more', async () => {
    const at = await sessionFrom('idle-edge')
    expect((await at(30))?.id).toBe(userId)
    const other = await sessionFrom('idle-past')
    expect(await other(30.02)).toBeNull()
    // Expired sessions are deleted, not just refused.
    expect(await other(1)).toBeNull()
  })

  it('slides the idle window with each request', async () => {
    const at = await sessionFrom('sliding')
    for (let minute = 25; minute <= 25 * 10; minute += 25) expect(await at(minute)).not.toBeNull()
  })

  it('ends 8 hours after login however active the editor is', async () => {
    const at = await sessionFrom('absolute')
    for (let minute = 20; minute <= 8 * 60; minute += 20) expect(await at(minute)).not.toBeNull()
    expect(await at(8 * 60 + 1)).toBeNull()
  })
})
