import { sValidator } from '@hono/standard-validator'
import * as v from 'valibot'
import { idParam, idParams, lenientQuery, typedText } from '../../lib/validation/form'
import { Hono, type Context } from 'hono'
import { HTTPException } from 'hono/http-exception'
import { isAuthorSlugTaken, listAuthorProfiles, saveAuthorProfile } from './author-profiles'
import type { AdminMessages } from '../../i18n/admin'
import { slugify } from '../../lib/slug'
import { requireContentEditor, requireEditor } from '../auth'
import type { AdminEnv, EditorEnv } from '../../types'
import { authorFormSchema, type AuthorForm, type AuthorFormField } from './author-schemas'
import { AuthorsPage, type AuthorsPageProps } from './views/authors-page'

type AdminContext = Context<EditorEnv>

const textOf = (value: unknown) => (typeof value === 'string' ? value : '')

function errorMessage(a: AdminMessages, code: string, field: AuthorFormField) {
  if (code === 'tooLong') return a.textTooLong(field === 'bio' ? 2000 : 100)
  if (code === 'slugInvalid' || code === 'slugTaken') return a.slugRequired
  if (code === 'nameRequired') return a.nameRequired
  return a.notAllowed
}

async function renderAuthors(c: AdminContext, extra: Partial<AuthorsPageProps> = {}) {
  const { authors, editors } = await listAuthorProfiles(c.var.db)
  return c.render(
    <AuthorsPage
      a={c.var.a}
      editor={c.var.editor}
      editors={editors}
      authors={authors.map((author) => ({
        id: author.id,
        name: author.name,
        slug: author.slug,
        bio: author.bio,
        userId: author.userId ? String(author.userId) : '',
      }))}
      {...extra}
    />,
    { title: c.var.a.authors, admin: true },
  )
}

function authorId(c: AdminContext): number | null {
  const param = c.req.param('id')
  if (param === undefined) return null
  const parsed = v.safeParse(idParam, param)
  if (!parsed.success) throw new HTTPException(404)
  return parsed.output
}

/** A refused form comes back as typed, with the message by its field. */
async function refuse(c: AdminContext, errors: Partial<Record<AuthorFormField, string>>) {
  const body = await c.req.parseBody()
  const values = {
    name: textOf(body.name),
    slug: textOf(body.slug),
    bio: textOf(body.bio),
    userId: textOf(body.userId),
  }
  c.status(422)
  return renderAuthors(c, { rejected: { id: authorId(c), values, errors } })
}

const validForm = sValidator('form', authorFormSchema, async (result, c) => {
  if (result.success) return
  const errors: Partial<Record<AuthorFormField, string>> = {}
  for (const issue of result.error) {
    const segment = issue.path?.[0]
    const field = String(typeof segment === 'object' ? segment.key : segment) as AuthorFormField
    errors[field] ??= errorMessage((c as AdminContext).var.a, issue.message, field)
  }
  return refuse(c as AdminContext, errors)
})

async function save(c: AdminContext, form: AuthorForm) {
  const { db, a } = c.var
  const id = authorId(c)
  const slug = form.slug || slugify(form.name)
  if (await isAuthorSlugTaken(db, slug, id)) return refuse(c, { slug: a.slugTakenShort })
  const userId = form.userId ? Number(form.userId) : null
  const { editors, authors } = await listAuthorProfiles(db)
  if (id && !authors.some((author) => author.id === id)) throw new HTTPException(404)
  if (userId && !editors.some((editor) => editor.id === userId))
    return refuse(c, { userId: a.notAllowed })
  await saveAuthorProfile(db, id, { name: form.name, slug, bio: form.bio }, userId)
  return c.redirect('/admin/authors?saved=1', 303)
}

/** Author profiles: the names, addresses and biographies readers see, and who writes as whom. */
export const adminAuthorRoutes = new Hono<AdminEnv>()
  .use(requireEditor, requireContentEditor)
  .get('/', lenientQuery(v.object({ saved: typedText })), (c) =>
    renderAuthors(c, { notice: c.req.valid('query').saved ? c.var.a.authorSaved : null }),
  )
  .post('/', validForm, (c) => save(c, c.req.valid('form')))
  .post('/:id{[0-9]+}', idParams, validForm, (c) => save(c, c.req.valid('form')))
