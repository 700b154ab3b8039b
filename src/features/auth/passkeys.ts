import { and, asc, eq, sql } from 'drizzle-orm'
import type { Db } from '../../db/client'
import { passkeys, users } from '../../db/schema'

export function listPasskeys(db: Db, userId: number) {
  return db
    .select()
    .from(passkeys)
    .where(eq(passkeys.userId, userId))
    .orderBy(asc(passkeys.createdAt))
}

export async function findPasskey(db: Db, id: string) {
  const [row] = await db.select().from(passkeys).where(eq(passkeys.id, id)).limit(1)
  return row ?? null
}

export async function addPasskey(
  db: Db,
  values: {
    id: string
    userId: number
    name: string
    publicKey: string
    counter: number
    transports: string[]
  },
  now = Date.now(),
) {
  await db.insert(passkeys).values({
    ...values,
    transports: JSON.stringify(values.transports),
    createdAt: new Date(now),
  })
}

/**
 * Records a use. The counter only moves forward: the update is conditioned on the counter the
 * check was made against, so a clone racing the original cannot both pass.
 */
export async function recordPasskeyUse(
  db: Db,
  id: string,
  previousCounter: number,
  newCounter: number,
  now = Date.now(),
) {
  const updated = await db
    .update(passkeys)
    .set({ counter: newCounter, lastUsedAt: new Date(now) })
    .where(and(eq(passkeys.id, id), eq(passkeys.counter, previousCounter)))
    .returning({ id: passkeys.id })
  return updated.length === 1
}

/**
 * Removes one of the editor's passkeys, unless it is the last one of an account whose password
 * is off (that would lock the account): decided in the one statement.
 */
export async function removePasskey(db: Db, userId: number, id: string) {
  const removed = await db
    .delete(passkeys)
    .where(
      and(
        eq(passkeys.id, id),
        eq(passkeys.userId, userId),
        sql`((SELECT password_off FROM users WHERE id = ${userId}) = 0
          OR (SELECT count(*) FROM passkeys AS mine WHERE mine.user_id = ${userId}) > 1)`,
      ),
    )
    .returning({ name: passkeys.name })
  return removed[0] ?? null
}

/** Turns password sign-in off, only for an account that has a passkey (one statement). */
export async function turnPasswordOff(db: Db, userId: number) {
  const updated = await db
    .update(users)
    .set({ passwordOff: true, updatedAt: new Date() })
    .where(
      and(
        eq(users.id, userId),
        sql`EXISTS (SELECT 1 FROM passkeys WHERE passkeys.user_id = ${userId})`,
      ),
    )
    .returning({ id: users.id })
  return updated.length === 1
}

export async function turnPasswordOn(db: Db, userId: number) {
  await db
    .update(users)
    .set({ passwordOff: false, updatedAt: new Date() })
    .where(eq(users.id, userId))
}
