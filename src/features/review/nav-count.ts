import { createMiddleware } from 'hono/factory'
import type { AdminEnv } from '../../types'
import { editsAllContent } from '../auth'
import { countPendingReviews } from '../posts'

/**
 * How many posts wait for review, for the admin navigation of editors and the owner: counted for
 * pages only (GET), never for a save or an autosave.
 */
export const pendingReviewCount = createMiddleware<AdminEnv>(async (c, next) => {
  const { editor } = c.var
  if (c.req.method === 'GET' && editor && editsAllContent(editor))
    c.set('pendingReviews', await countPendingReviews(c.var.db))
  await next()
})
