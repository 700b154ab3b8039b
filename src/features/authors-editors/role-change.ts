import type { Context } from 'hono'
import { HTTPException } from 'hono/http-exception'
import * as v from 'valibot'
import { USER_ROLES, type User } from '../../db/schema'
import { typedText } from '../../lib/validation/form'
import type { EditorEnv } from '../../types'
import { auditRequest, countOtherActiveOwners, setUserRole } from '../auth'

/** The role chosen on /admin/users; anything else is no role (422). */
export const roleChangeFields = v.object({
  role: v.pipe(
    typedText,
    v.transform((text) => USER_ROLES.find((role) => role === text) ?? null),
  ),
})

/**
 * Gives `user` (never the owner acting: see `otherUser`) a new role, recorded in the audit log as
 * `old → new` with the owner as actor. The last active owner keeps their role.
 */
export async function changeRole(
  c: Context<EditorEnv>,
  user: User,
  role: User['role'] | null,
): Promise<'changed' | 'unchanged' | 'lastOwner'> {
  if (role === null) throw new HTTPException(422, { message: c.var.a.notAllowed })
  if (role === user.role) return 'unchanged'
  if (user.role === 'owner' && (await countOtherActiveOwners(c.var.db, user.id)) === 0)
    return 'lastOwner'
  await setUserRole(c.var.db, user.id, role)
  await auditRequest(c, {
    event: 'role_changed',
    userId: user.id,
    email: user.email,
    actorId: c.var.editor.id,
    detail: `${user.role} → ${role}`,
  })
  return 'changed'
}
