import { and, asc, eq, gt, isNull, sql } from 'drizzle-orm'
import type { Db } from '../../db/client'
import { isUniqueViolation } from '../../db/constraint-errors'
import { authors, invitations, users, type Invitation, type UserRole } from '../../db/schema'
import { normalizeEmail, profileId, signsAsThemselves, withOwnAuthorProfile } from '../auth'
import { linkTokenHash, newLinkToken } from './link-token'

export const INVITATION_TTL_MS = 7 * 86_400_000

export type InvitationState = 'valid' | 'used' | 'expired' | 'revoked'

const pending = (now: number) =>
  and(
    isNull(invitations.usedAt),
    isNull(invitations.revokedAt),
    gt(invitations.expiresAt, new Date(now)),
  )

export function invitationState(invitation: Invitation, now = Date.now()): InvitationState {
  if (invitation.usedAt) return 'used'
  if (invitation.revokedAt) return 'revoked'
  return invitation.expiresAt.getTime() <= now ? 'expired' : 'valid'
}

/**
 * A new invitation for `email`, valid 7 days. An earlier one still pending for the same address is
 * revoked in the same batch: one person, one live link. Returns the token, which D1 never holds.
 */
export async function createInvitation(
  db: Db,
  input: { email: string; role: UserRole; invitedBy: number | null },
  now = Date.now(),
) {
  const { token, tokenHash } = await newLinkToken()
  const email = normalizeEmail(input.email)
  const at = new Date(now)
  const [, [invitation]] = await db.batch([
    db
      .update(invitations)
      .set({ revokedAt: at })
      .where(and(eq(invitations.email, email), pending(now))),
    db
      .insert(invitations)
      .values({
        tokenHash,
        email,
        role: input.role,
        invitedBy: input.invitedBy,
        createdAt: at,
        expiresAt: new Date(now + INVITATION_TTL_MS),
      })
      .returning(),
  ])
  return { token, invitation }
}

export async function findInvitation(db: Db, token: string): Promise<Invitation | null> {
  const [invitation] = await db
    .select()
    .from(invitations)
    .where(eq(invitations.tokenHash, await linkTokenHash(token)))
    .limit(1)
  return invitation ?? null
}

export async function listPendingInvitations(db: Db, now = Date.now()) {
  return db.select().from(invitations).where(pending(now)).orderBy(asc(invitations.expiresAt))
}

/** Revokes a pending invitation; null when it was not pending (used, expired, revoked, unknown). */
export async function revokeInvitation(db: Db, id: number, now = Date.now()) {
  const [revoked] = await db
    .update(invitations)
    .set({ revokedAt: new Date(now) })
    .where(and(eq(invitations.id, id), pending(now)))
    .returning()
  return revoked ?? null
}

export type Acceptance =
  { ok: true; userId: number; email: string } | { ok: false; reason: 'gone' | 'emailTaken' }

/**
 * Turns a valid invitation into an account, once. The invitation is claimed first, by one UPDATE
 * that only a pending invitation passes (D1 runs statements one at a time, so of two tabs sending
 * the form together one claims it); the account is then created with the invitation's address and
 * role (an author or a contributor with an author profile of their own: their byline). If the
 * address was taken meanwhile (`editor:add`), the claim is given back.
 */
export async function acceptInvitation(
  db: Db,
  token: string,
  account: { name: string; passwordHash: string },
  now = Date.now(),
): Promise<Acceptance> {
  const [claimed] = await db
    .update(invitations)
    .set({ usedAt: new Date(now) })
    .where(and(eq(invitations.tokenHash, await linkTokenHash(token)), pending(now)))
    .returning()
  if (!claimed) return { ok: false, reason: 'gone' }
  try {
    const wanted = signsAsThemselves(claimed.role)
    const user = await withOwnAuthorProfile(db, account.name, wanted, async (profile) => {
      const insertUser = db
        .insert(users)
        .values({
          email: claimed.email,
          name: account.name,
          role: claimed.role,
          passwordHash: account.passwordHash,
          authorId: profile ? profileId(profile) : null,
        })
        .returning({ id: users.id, email: users.email })
      const linkInvitation = db
        .update(invitations)
        .set({
          userId: sql`(SELECT ${users.id} FROM ${users} WHERE ${users.email} = ${claimed.email})`,
        })
        .where(eq(invitations.id, claimed.id))
      if (!profile) return (await db.batch([insertUser, linkInvitation]))[0][0]
      const [, [created]] = await db.batch([
        db.insert(authors).values(profile),
        insertUser,
        linkInvitation,
      ])
      return created
    })
    return { ok: true, userId: user.id, email: user.email }
  } catch (error) {
    // Nothing was written (a batch is one transaction): the invitation is given back.
    await db.update(invitations).set({ usedAt: null }).where(eq(invitations.id, claimed.id))
    if (!isUniqueViolation(error, 'users.email')) throw error
    return { ok: false, reason: 'emailTaken' }
  }
}
