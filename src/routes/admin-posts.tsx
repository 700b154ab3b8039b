import { Hono, type Context } from 'hono'
import { raw } from 'hono/html'
import { HTTPException } from 'hono/http-exception'
import {
  decodeAdminPosition,
  encodeAdminPosition,
  existingIds,
  findPostForEditing,
  findRevision,
  isSlugTaken,
  listAdminPosts,
  listAuthors,
  listCategories,
  listRevisions,
  suggestFreeSlug,
} from '../db/admin-posts'
import {
  createPost,
  restorePostFromTrash,
  trashPost,
  updatePost,
  type PostInput,
} from '../db/post-writes'
import {
  AUTOSAVE_REVISION_INTERVAL_MS,
  findAutosave,
  lastRevisionAt,
  storeAutosave,
} from '../db/autosaves'
import { findPublishedPost } from '../db/posts'
import { POST_STATUSES, type PostStatus } from '../db/schema'
import { viewsByPath } from '../db/audience'
import { dayOf } from '../lib/audience'
import {
  epochToZonedInputs,
  formatDateTime,
  formatScheduledFor,
  formatTimeOfDay,
} from '../lib/dates'
import { formText } from '../lib/form'
import { FRAGMENT_VARY, isFragmentRequest } from '../lib/htmx'
import type { AdminMessages } from '../lib/i18n-admin'
import { excerptFromMarkdown, renderMarkdown } from '../lib/markdown'
import {
  isBodyTooLarge,
  readPostForm,
  validatePostForm,
  type PostFormError,
  type PostFormErrors,
  type PostFormValues,
} from '../lib/post-form'
import { slugify } from '../lib/slug'
import { timeZoneChoices } from '../lib/time-zones'
import { requireEditor } from '../middleware/editor-session'
import type { AdminEnv } from '../types'
import { DeletePostPage } from '../views/pages/admin/delete-post-page'
import {
  ExcerptSource,
  PostEditorPage,
  type PostEditorProps,
} from '../views/pages/admin/post-editor-page'
import { PostPage } from '../views/pages/post-page'
import { Notice } from '../views/partials/admin/admin-nav'
import { PostsPage } from '../views/pages/admin/posts-page'
import { AdminPostRows } from '../views/partials/admin/admin-post-rows'
import { attemptLogin } from './login-attempt'

type AdminContext = Context<AdminEnv>

function errorText(a: AdminMessages, error: PostFormError): string {
  return typeof error === 'string' ? a.errors[error] : a.errors.slugTaken(error.slugTaken)
}

function positiveInt(value: string | undefined): number | null {
  const number = Number(value)
  return value && Number.isSafeInteger(number) && number > 0 ? number : null
}

function postIdParam(c: AdminContext): number {
  const id = positiveInt(c.req.param('id'))
  if (!id) throw new HTTPException(404)
  return id
}

function blankForm(c: AdminContext, authorId: number | undefined): PostFormValues {
  return {
    title: '',
    slug: '',
    excerpt: '',
    markdown: '',
    categoryIds: [],
    newCategory: '',
    language: c.var.site.locale,
    authorId: authorId ? String(authorId) : '',
    status: 'draft',
    publishDate: '',
    publishTime: '',
    timeZone: c.var.site.timeZone,
  }
}

async function renderEditor(
  c: AdminContext,
  props: Pick<PostEditorProps, 'postId' | 'values'> &
    Partial<PostEditorProps> & { formErrors?: PostFormErrors },
) {
  const { db, site, a } = c.var
  const [authors, categories, revisions] = await Promise.all([
    listAuthors(db),
    listCategories(db),
    props.postId && c.var.editor ? listRevisions(db, props.postId) : Promise.resolve([]),
  ])
  const errors = Object.fromEntries(
    Object.entries(props.formErrors ?? {}).map(([field, error]) => [field, errorText(a, error)]),
  )
  const tooLarge = props.formErrors?.markdown === 'bodyTooLarge'
  return c.render(
    <PostEditorPage
      site={site}
      a={a}
      editor={c.var.editor}
      authors={authors}
      categories={categories}
      revisions={revisions}
      timeZones={timeZoneChoices(site.timeZone)}
      previewHtml={tooLarge ? '' : renderMarkdown(props.values.markdown, props.values.language)}
      errors={errors}
      {...props}
    />,
    { title: props.values.title || a.newPost, admin: true },
  )
}

/** The form checked against the rules and the database, as the post to write, or the errors. */
async function checkPost(
  c: AdminContext,
  values: PostFormValues,
  postId: number | null,
): Promise<{ errors: PostFormErrors; input: PostInput | null }> {
  const { db } = c.var
  const { errors, post } = validatePostForm(values, Date.now())
  if (post) {
    const [authorIds, categoryIds] = await Promise.all([
      existingIds(db, 'authors', [post.authorId]),
      existingIds(db, 'categories', post.categoryIds),
    ])
    if (!authorIds.has(post.authorId)) errors.authorId = 'unknownAuthor'
    if (post.categoryIds.some((id) => !categoryIds.has(id))) errors.categoryIds = 'unknownCategory'
    if (await isSlugTaken(db, post.slug, postId)) {
      errors.slug = { slugTaken: await suggestFreeSlug(db, post.slug) }
    }
  }
  if (!post || Object.keys(errors).length > 0) return { errors, input: null }

  const newCategorySlug = post.newCategory ? slugify(post.newCategory) : ''
  return {
    errors,
    input: {
      slug: post.slug,
      title: post.title,
      excerpt: post.excerpt || excerptFromMarkdown(post.markdown),
      markdown: post.markdown,
      html: renderMarkdown(post.markdown, post.language),
      status: post.status,
      language: post.language,
      publishedAt: post.publishedAt,
      authorId: post.authorId,
      categoryIds: post.categoryIds,
      newCategory: newCategorySlug ? { slug: newCategorySlug, name: post.newCategory } : null,
    },
  }
}

/**
 * Saves a new post (postId null) or an existing one. A rejected form comes back as it was sent,
 * with a message by each field; an expired session is renewed from the login fields in the form.
 */
async function savePost(c: AdminContext, postId: number | null) {
  const { db, a } = c.var
  const body = await c.req.parseBody({ all: true })
  const values = readPostForm(body)

  if (!c.var.editor) {
    const email = formText(body, 'loginEmail')
    const password = formText(body, 'loginPassword')
    const result = email || password ? await attemptLogin(c, email, password) : null
    if (result?.ok) {
      c.set('editor', result.user)
    } else {
      let loginError: string | null = null
      c.status(401)
      if (result?.reason === 'blocked') {
        c.status(429)
        c.header('Retry-After', String(result.retryAfterSeconds))
        loginError = a.tooManyAttempts(Math.ceil(result.retryAfterSeconds / 60))
      } else if (result) {
        loginError = a.loginFailed
      }
      return renderEditor(c, { postId, values, loginError })
    }
  }
  const editor = c.var.editor!

  const existing = postId ? await findPostForEditing(db, postId) : null
  if (postId && !existing) throw new HTTPException(404)
  if (existing?.deletedAt) return c.redirect(`/admin/posts/${postId}`, 303)

  const { errors, input } = await checkPost(c, values, postId)
  if (!input) {
    c.status(errors.markdown === 'bodyTooLarge' ? 413 : 422)
    return renderEditor(c, { postId, values, formErrors: errors })
  }
  const id = postId
    ? (await updatePost(db, postId, input, editor.id), postId)
    : await createPost(db, input, editor.id)
  return c.redirect(`/admin/posts/${id}?saved=1`, 303)
}

/** What an autosave answers: its outcome for the status line and, with versions, the new one. */
function AutosaveResult({ message, version }: { message: string; version?: unknown }) {
  return (
    <>
      <p id="autosave-status" class="autosave-status" role="status">
        {message}
      </p>
      {typeof version === 'number' && (
        <input type="hidden" name="version" id="post-version" value={String(version)} />
      )}
    </>
  )
}

/**
 * Saves what is being typed, a few seconds after the last keystroke (static/js/editor). A draft
 * is written in place, with a revision only every AUTOSAVE_REVISION_INTERVAL_MS; a new post
 * becomes a draft; a scheduled or published post keeps its live text and the typed text is
 * kept aside until the editor saves.
 */
async function autosavePost(c: AdminContext, postId: number | null) {
  const { db, a, site } = c.var
  const editor = c.var.editor
  if (!editor) {
    c.status(401)
    return c.html(<AutosaveResult message={a.autosaveLoggedOut} />)
  }
  const existing = postId ? await findPostForEditing(db, postId) : null
  if (postId && (!existing || existing.deletedAt)) throw new HTTPException(404)
  const values = readPostForm(await c.req.parseBody({ all: true }))
  const time = formatTimeOfDay(new Date(), site.timeZone)

  if (existing && existing.status !== 'draft') {
    if (isBodyTooLarge(values.markdown)) {
      c.status(413)
      return c.html(<AutosaveResult message={`${a.autosaveFailed} ${a.errors.bodyTooLarge}`} />)
    }
    const { title, excerpt, markdown } = values
    await storeAutosave(db, existing.id, { title, excerpt, markdown }, editor.id)
    return c.html(<AutosaveResult message={a.autosavedAside(time)} />)
  }

  const { errors, input } = await checkPost(c, { ...values, status: 'draft' }, postId)
  if (!input) {
    const [first] = Object.values(errors)
    c.status(422)
    return c.html(<AutosaveResult message={`${a.autosaveFailed} ${errorText(a, first!)}`} />)
  }
  let id = postId
  if (id) {
    const last = await lastRevisionAt(db, id)
    const revision = !last || Date.now() - last.getTime() >= AUTOSAVE_REVISION_INTERVAL_MS
    await updatePost(db, id, input, editor.id, { revision })
  } else {
    id = await createPost(db, input, editor.id)
    c.header('Post-Url', `/admin/posts/${id}`)
  }
  const saved = await findPostForEditing(db, id)
  const version = saved && 'version' in saved ? saved.version : undefined
  return c.html(<AutosaveResult message={a.autosavedDraft(time)} version={version} />)
}

type EditedPost = NonNullable<Awaited<ReturnType<typeof findPostForEditing>>>

/** The reader's page of a live post, or the editors' preview of a draft or a scheduled post. */
function postLink(c: AdminContext, post: EditedPost) {
  const live =
    post.status === 'published' && post.publishedAt && post.publishedAt.getTime() <= Date.now()
  return live
    ? { href: `/posts/${post.slug}`, label: c.var.a.viewPost }
    : { href: `/admin/posts/${post.id}/preview`, label: c.var.a.previewPost }
}

/** What a save did: "Scheduled for 2 December at 09:00, Paris time." */
function savedMessage(c: AdminContext, post: EditedPost) {
  const { a, site } = c.var
  if (post.status === 'draft') return a.savedDraft
  if (post.status === 'scheduled' && post.publishedAt)
    return a.savedScheduled(formatScheduledFor(post.publishedAt, site.locale, site.timeZone))
  return a.savedPublished
}

function formFromPost(
  c: AdminContext,
  post: NonNullable<Awaited<ReturnType<typeof findPostForEditing>>>,
): PostFormValues {
  const { timeZone } = c.var.site
  const when = post.publishedAt ? epochToZonedInputs(post.publishedAt.getTime(), timeZone) : null
  return {
    title: post.title,
    slug: post.slug,
    // A generated excerpt stays generated: the field is left empty so it follows the body.
    excerpt: post.excerpt === excerptFromMarkdown(post.markdown) ? '' : post.excerpt,
    markdown: post.markdown,
    categoryIds: post.categoryIds.map(String),
    newCategory: '',
    language: post.language,
    authorId: String(post.authorId),
    status: post.status,
    publishDate: when?.date ?? '',
    publishTime: when?.time ?? '',
    timeZone,
  }
}

export const adminPostRoutes = new Hono<AdminEnv>()
  .post('/', (c) => savePost(c, null))
  .post('/:id{[0-9]+}', (c) => savePost(c, postIdParam(c)))
  .post('/autosave', (c) => autosavePost(c, null))
  .post('/:id{[0-9]+}/autosave', (c) => autosavePost(c, postIdParam(c)))
  .use(requireEditor)
  .get('/', async (c) => {
    const { db, site, a } = c.var
    const statusParam = c.req.query('status') ?? ''
    const status =
      statusParam === 'trash' || POST_STATUSES.includes(statusParam as PostStatus)
        ? statusParam
        : ''
    const categoryParam = c.req.query('category') ?? ''
    const search = (c.req.query('q') ?? '').trim().slice(0, 100)
    const page = await listAdminPosts(db, {
      status: (status || null) as PostStatus | 'trash' | null,
      categoryId: positiveInt(categoryParam),
      search,
      after: decodeAdminPosition(c.req.query('after')),
    })
    const since = dayOf(Date.now() - 29 * 86_400_000, site.timeZone)
    const views = await viewsByPath(
      db,
      page.posts.map((post) => `/posts/${post.slug}`),
      since,
    )
    const rows = page.posts.map((post) => ({
      ...post,
      views: views.get(`/posts/${post.slug}`) ?? 0,
    }))
    const query = new URLSearchParams({ status, category: categoryParam, q: search })
    const nextHref = page.next
      ? `/admin/posts?${query}&after=${encodeAdminPosition(page.next)}`
      : null
    c.header('Vary', FRAGMENT_VARY)
    if (isFragmentRequest(c.req.raw.headers)) {
      return c.html(<AdminPostRows site={site} a={a} posts={rows} nextHref={nextHref} />)
    }
    const trashedId = positiveInt(c.req.query('trashed'))
    return c.render(
      <PostsPage
        site={site}
        a={a}
        editor={c.var.editor!}
        posts={rows}
        nextHref={nextHref}
        categories={await listCategories(db)}
        filter={{ status, categoryId: categoryParam, search }}
        notice={trashedId ? a.movedToTrash : null}
        undo={trashedId ? { action: `/admin/posts/${trashedId}/restore`, label: a.undo } : null}
      />,
      { title: a.posts, admin: true },
    )
  })
  .get('/new', async (c) => {
    const own = c.var.editor!.authorId
    const authorId = own ?? (await listAuthors(c.var.db))[0]?.id
    return renderEditor(c, { postId: null, values: blankForm(c, authorId) })
  })
  .post('/preview', async (c) => {
    const body = await c.req.parseBody()
    const markdown = formText(body, 'markdown')
    if (isBodyTooLarge(markdown)) {
      c.status(413)
      return c.html(<p class="field-error">{c.var.a.errors.bodyTooLarge}</p>)
    }
    const excerpt = formText(body, 'excerpt')
    return c.html(
      <>
        {raw(renderMarkdown(markdown, formText(body, 'language')))}
        <p id="preview-status" hx-swap-oob="innerHTML">
          {c.var.a.previewUpdated}
        </p>
        <ExcerptSource
          a={c.var.a}
          excerpt={excerpt}
          generated={excerptFromMarkdown(markdown)}
          oob
        />
      </>,
    )
  })
  .get('/:id{[0-9]+}', async (c) => {
    const { a, db } = c.var
    const post = await findPostForEditing(db, postIdParam(c))
    if (!post) throw new HTTPException(404)
    const autosave = await findAutosave(db, post.id)
    const values = formFromPost(c, post)
    if (autosave && c.req.query('autosave')) {
      Object.assign(values, { title: autosave.title, excerpt: autosave.excerpt })
      values.markdown = autosave.markdown
    }
    const notice = c.req.query('saved')
      ? savedMessage(c, post)
      : c.req.query('restored')
        ? a.revisionRestored
        : c.req.query('untrashed')
          ? a.restored
          : post.deletedAt
            ? `${a.inTrashSince} ${post.deletedAt.toISOString().slice(0, 10)}`
            : null
    return renderEditor(c, {
      postId: post.id,
      values,
      notice,
      postLink: post.deletedAt ? null : postLink(c, post),
      autosave:
        autosave && !c.req.query('autosave')
          ? { time: formatDateTime(autosave.createdAt, c.var.site.locale, c.var.site.timeZone) }
          : null,
    })
  })
  .get('/:id{[0-9]+}/preview', async (c) => {
    const { db, site, a } = c.var
    const found = await findPostForEditing(db, postIdParam(c))
    if (!found) throw new HTTPException(404)
    const post = await findPublishedPost(db, found.slug, Date.now(), { preview: true })
    if (!post) throw new HTTPException(404)
    return c.render(
      <>
        <Notice message={a.previewNotice} />
        <PostPage site={site} post={post} />
      </>,
      { title: `${a.previewPost}: ${post.title}`, admin: true },
    )
  })
  .get('/:id{[0-9]+}/delete', async (c) => {
    const post = await findPostForEditing(c.var.db, postIdParam(c))
    if (!post) throw new HTTPException(404)
    return c.render(<DeletePostPage a={c.var.a} editor={c.var.editor!} post={post} />, {
      title: c.var.a.delete,
      admin: true,
    })
  })
  .post('/:id{[0-9]+}/delete', async (c) => {
    const id = postIdParam(c)
    if (!(await findPostForEditing(c.var.db, id))) throw new HTTPException(404)
    await trashPost(c.var.db, id)
    return c.redirect(`/admin/posts?trashed=${id}`, 303)
  })
  .post('/:id{[0-9]+}/restore', async (c) => {
    const id = postIdParam(c)
    if (!(await findPostForEditing(c.var.db, id))) throw new HTTPException(404)
    await restorePostFromTrash(c.var.db, id)
    return c.redirect(`/admin/posts/${id}?untrashed=1`, 303)
  })
  .post('/:id{[0-9]+}/revisions/:revisionId{[0-9]+}/restore', async (c) => {
    const { db } = c.var
    const id = postIdParam(c)
    const post = await findPostForEditing(db, id)
    const revision = await findRevision(db, id, Number(c.req.param('revisionId')))
    if (!post || !revision) throw new HTTPException(404)
    if (post.deletedAt) return c.redirect(`/admin/posts/${id}`, 303)
    await updatePost(
      db,
      id,
      {
        slug: post.slug,
        status: post.status,
        language: post.language,
        publishedAt: post.publishedAt,
        authorId: post.authorId,
        categoryIds: post.categoryIds,
        title: revision.title,
        excerpt: revision.excerpt,
        markdown: revision.markdown,
        html: renderMarkdown(revision.markdown, post.language),
      },
      c.var.editor!.id,
    )
    return c.redirect(`/admin/posts/${id}?restored=1`, 303)
  })
