import { createMiddleware } from 'hono/factory'
import { HTTPException } from 'hono/http-exception'
import type { User } from '../../db/schema'
import type { AdminMessages } from '../../i18n/admin'
import type { EditorEnv } from '../../types'

type Account = Pick<User, 'id' | 'role'>

/** What an author or a contributor may touch is theirs: the posts they wrote first. */
type OwnedPost = { createdBy: number | null; status: string }

/** The owner and editors change every post, note and author profile; others only their own. */
export function editsAllContent(account: Pick<User, 'role'>): boolean {
  return account.role === 'owner' || account.role === 'editor'
}

/** Everyone but a contributor publishes and schedules; a contributor submits for review. */
export function mayPublish(account: Pick<User, 'role'>): boolean {
  return account.role !== 'contributor'
}

/** Whether the account may open the post in the editor (and see its preview). */
export function mayOpenPost(account: Account, post: Pick<OwnedPost, 'createdBy'>): boolean {
  return editsAllContent(account) || post.createdBy === account.id
}

/**
 * Whether the account may change the post: save it, trash or restore it, restore a revision,
 * share its preview. A contributor's post is theirs only while it is a draft: once an editor has
 * published it, saving would either publish (not theirs to do) or take it down.
 */
export function mayChangePost(account: Account, post: OwnedPost): boolean {
  if (editsAllContent(account)) return true
  if (post.createdBy !== account.id) return false
  return account.role === 'author' || post.status === 'draft'
}

/** 403 unless `allowed`: what the interface hides is refused here too. */
export function refuseUnless(c: { var: { a: AdminMessages } }, allowed: boolean): void {
  if (!allowed) throw new HTTPException(403, { message: c.var.a.notAllowed })
}

/** For the owner and editors only (after `requireEditor`). */
export const requireContentEditor = createMiddleware<EditorEnv>(async (c, next) => {
  if (editsAllContent(c.var.editor)) return next()
  throw new HTTPException(403, { message: c.var.a.editorsOnly })
})
