import { createMiddleware } from 'hono/factory'
import type { AdminEnv } from '../../types'
import { editsAllContent } from '../auth'
import { countPending } from './queries'

/** Held comments, for the admin navigation of editors and the owner: counted for pages only. */
export const pendingCommentCount = createMiddleware<AdminEnv>(async (c, next) => {
  const { editor } = c.var
  if (c.req.method === 'GET' && editor && editsAllContent(editor))
    c.set('pendingComments', await countPending(c.var.db))
  await next()
})
