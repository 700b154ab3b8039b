import { Hono } from 'hono'
import { requireEditor } from '../auth'
import { typedForm } from '../../lib/validation/form'
import type { AdminEnv } from '../../types'
import { cleanPastedHtml } from './pasted-html'
import { pasteForm } from './schemas'

/** `/admin/editor`: what the visual editor asks the server. */
export const adminVisualEditorRoutes = new Hono<AdminEnv>()
  .use(requireEditor)
  .post('/clean-html', typedForm(pasteForm), (c) =>
    c.html(cleanPastedHtml(c.req.valid('form').html)),
  )
