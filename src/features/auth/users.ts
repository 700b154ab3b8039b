import { and, asc, count, eq, isNull, ne } from 'drizzle-orm'
import type { Db } from '../../db/client'
import { authors, sessions, users, type UserRole } from '../../db/schema'
import { profileId, signsAsThemselves, withOwnAuthorProfile } from './own-byline'

export function normalizeEmail(email: string) {
  return email.trim().toLowerCase()
}

export async function findUserByEmail(db: Db, email: string) {
  const [user] = await db
    .select()
    .from(users)
    .where(eq(users.email, normalizeEmail(email)))
    .limit(1)
  return user ?? null
}

export async function findUserById(db: Db, id: number) {
  const [user] = await db.select().from(users).where(eq(users.id, id)).limit(1)
  return user ?? null
}

export async function listUsers(db: Db) {
  return db.select().from(users).orderBy(asc(users.name))
}

export async function countUsers(db: Db) {
  const [{ total }] = await db.select({ total: count() }).from(users)
  return total
}

/** A new account; an author or a contributor gets their own author profile in the same batch. */
export async function createUser(
  db: Db,
  input: { email: string; name: string; role: UserRole; passwordHash: string },
) {
  const values = { ...input, email: normalizeEmail(input.email) }
  return withOwnAuthorProfile(db, input.name, signsAsThemselves(input.role), async (profile) => {
    if (!profile) return (await db.insert(users).values(values).returning())[0]
    const [, [user]] = await db.batch([
      db.insert(authors).values(profile),
      db
        .insert(users)
        .values({ ...values, authorId: profileId(profile) })
        .returning(),
    ])
    return user
  })
}

/** A new password ends every session of that user, in the same batch. */
/** A new password is one to sign in with: it turns password sign-in back on (recovery included). */
export async function setUserPassword(db: Db, userId: number, passwordHash: string) {
  await db.batch([
    db
      .update(users)
      .set({ passwordHash, passwordOff: false, updatedAt: new Date() })
      .where(eq(users.id, userId)),
    db.delete(sessions).where(eq(sessions.userId, userId)),
  ])
}

/** Disabling also ends the editor's sessions, in the same batch. */
export async function setUserDisabled(db: Db, userId: number, disabled: boolean) {
  const update = db
    .update(users)
    .set({ disabledAt: disabled ? new Date() : null, updatedAt: new Date() })
    .where(eq(users.id, userId))
  if (disabled) await db.batch([update, db.delete(sessions).where(eq(sessions.userId, userId))])
  else await update
}

/** The account's new role, from its next request on (the session reads the account each time). */
/** A new role; someone made an author or a contributor gets a profile if they have none yet. */
export async function setUserRole(db: Db, userId: number, role: UserRole) {
  const setRole = db.update(users).set({ role, updatedAt: new Date() }).where(eq(users.id, userId))
  const [user] = signsAsThemselves(role)
    ? await db
        .select({ name: users.name })
        .from(users)
        .where(and(eq(users.id, userId), isNull(users.authorId)))
    : []
  if (!user) return void (await setRole)
  await withOwnAuthorProfile(db, user.name, true, (profile) =>
    db.batch([
      db.insert(authors).values(profile!),
      db
        .update(users)
        .set({ authorId: profileId(profile!) })
        .where(and(eq(users.id, userId), isNull(users.authorId))),
      setRole,
    ]),
  )
}

export async function deleteUser(db: Db, userId: number) {
  await db.delete(users).where(eq(users.id, userId))
}

/** Owners who can still log in, other than `exceptUserId`: the blog must always keep one. */
export async function countOtherActiveOwners(db: Db, exceptUserId: number) {
  const [{ total }] = await db
    .select({ total: count() })
    .from(users)
    .where(and(eq(users.role, 'owner'), isNull(users.disabledAt), ne(users.id, exceptUserId)))
  return total
}
