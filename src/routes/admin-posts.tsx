import { Hono, type Context } from 'hono'
import { HTTPException } from 'hono/http-exception'
import {
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
import { findMediaById, imagesByKey } from '../db/media'
import { POST_STATUSES, type Media, type PostStatus } from '../db/schema'
import { viewsByPath } from '../db/audience'
import { dayOf } from '../lib/audience'
import { epochToZonedInputs } from '../lib/dates'
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
import { checkPostImages, editorImages } from '../media/post-images-check'
import { BODY_SIZES, decorateImages } from '../media/responsive-images'
import { mediaUrl } from '../media/store'
import { requireEditor } from '../middleware/editor-session'
import type { AdminEnv } from '../types'
import { DeletePostPage } from '../views/pages/admin/delete-post-page'
import { PostEditorPage, type PostEditorProps } from '../views/pages/admin/post-editor-page'
import { PostsPage } from '../views/pages/admin/posts-page'
import { AdminPostRows } from '../views/partials/admin/admin-post-rows'
import { attemptLogin } from './login-attempt'

type AdminContext = Context<AdminEnv>

// The preview shows originals: no srcset, every image at once.
const PREVIEW_LOADING = { first: true, responsive: false, sizes: BODY_SIZES }

function errorText(a: AdminMessages, error: PostFormError): string {
  if (typeof error === 'string') return a.errors[error]
  return 'imageAltMissing' in error
    ? a.errors.imageAltMissing(error.imageAltMissing.join(', '))
    : a.errors.slugTaken(error.slugTaken)
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
    featuredImage: '',
    featuredImageAlt: '',
  }
}

async function renderEditor(
  c: AdminContext,
  props: Pick<PostEditorProps, 'postId' | 'values'> &
    Partial<PostEditorProps> & { formErrors?: PostFormErrors },
) {
  const { db, site, a } = c.var
  const tooLarge = props.formErrors?.markdown === 'bodyTooLarge'
  const previewHtml = tooLarge ? '' : renderMarkdown(props.values.markdown, props.values.language)
  const [authors, categories, revisions, images] = await Promise.all([
    listAuthors(db),
    listCategories(db),
    props.postId && c.var.editor ? listRevisions(db, props.postId) : Promise.resolve([]),
    editorImages(db, previewHtml, props.values.featuredImage),
  ])
  const errors = Object.fromEntries(
    Object.entries(props.formErrors ?? {}).map(([field, error]) => [field, errorText(a, error)]),
  )
  return c.render(
    <PostEditorPage
      site={site}
      a={a}
      editor={c.var.editor}
      authors={authors}
      categories={categories}
      revisions={revisions}
      timeZones={timeZoneChoices(site.timeZone)}
      previewHtml={decorateImages(previewHtml, images.byKey, PREVIEW_LOADING)}
      featuredImage={images.featured}
      errors={errors}
      {...props}
    />,
    { title: props.values.title || a.newPost, admin: true },
  )
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

  const now = Date.now()
  const { errors, post } = validatePostForm(values, now)
  const html = post ? renderMarkdown(post.markdown, post.language) : ''
  const images = await checkPostImages(db, values, values.status, html)
  Object.assign(errors, { ...images.errors, ...errors })
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
  if (!post || Object.keys(errors).length > 0) {
    c.status(errors.markdown === 'bodyTooLarge' ? 413 : 422)
    return renderEditor(c, { postId, values, formErrors: errors })
  }

  const newCategorySlug = post.newCategory ? slugify(post.newCategory) : ''
  const input: PostInput = {
    slug: post.slug,
    title: post.title,
    excerpt: post.excerpt || excerptFromMarkdown(post.markdown, 280, post.language),
    markdown: post.markdown,
    html,
    status: post.status,
    language: post.language,
    publishedAt: post.publishedAt,
    authorId: post.authorId,
    categoryIds: post.categoryIds,
    newCategory: newCategorySlug ? { slug: newCategorySlug, name: post.newCategory } : null,
    featuredMediaId: images.featuredMediaId,
    featuredImageAlt: images.featuredImageAlt,
  }
  const id = postId
    ? (await updatePost(db, postId, input, editor.id), postId)
    : await createPost(db, input, editor.id)
  return c.redirect(`/admin/posts/${id}?saved=1`, 303)
}

function formFromPost(
  c: AdminContext,
  post: NonNullable<Awaited<ReturnType<typeof findPostForEditing>>>,
  featuredImage: Media | null = null,
): PostFormValues {
  const { timeZone } = c.var.site
  const when = post.publishedAt ? epochToZonedInputs(post.publishedAt.getTime(), timeZone) : null
  return {
    title: post.title,
    slug: post.slug,
    excerpt: post.excerpt,
    markdown: post.markdown,
    categoryIds: post.categoryIds.map(String),
    newCategory: '',
    language: post.language,
    authorId: String(post.authorId),
    status: post.status,
    publishDate: when?.date ?? '',
    publishTime: when?.time ?? '',
    timeZone,
    featuredImage: featuredImage ? mediaUrl(featuredImage) : '',
    featuredImageAlt: post.featuredImageAlt,
  }
}

export const adminPostRoutes = new Hono<AdminEnv>()
  .post('/', (c) => savePost(c, null))
  .post('/:id{[0-9]+}', (c) => savePost(c, postIdParam(c)))
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
      afterId: positiveInt(c.req.query('after')),
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
    const nextHref = page.nextAfterId ? `/admin/posts?${query}&after=${page.nextAfterId}` : null
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
    const [firstAuthor] = await listAuthors(c.var.db)
    return renderEditor(c, { postId: null, values: blankForm(c, firstAuthor?.id) })
  })
  .post('/preview', async (c) => {
    const body = await c.req.parseBody()
    const markdown = formText(body, 'markdown')
    if (isBodyTooLarge(markdown)) {
      c.status(413)
      return c.html(<p class="field-error">{c.var.a.errors.bodyTooLarge}</p>)
    }
    const html = renderMarkdown(markdown, formText(body, 'language'))
    return c.html(decorateImages(html, await imagesByKey(c.var.db, html), PREVIEW_LOADING))
  })
  .get('/:id{[0-9]+}', async (c) => {
    const { a } = c.var
    const post = await findPostForEditing(c.var.db, postIdParam(c))
    if (!post) throw new HTTPException(404)
    if (post.kind === 'note') return c.redirect(`/admin/notes/${post.id}`, 303)
    const notice = c.req.query('saved')
      ? a.saved
      : c.req.query('restored')
        ? a.revisionRestored
        : c.req.query('untrashed')
          ? a.restored
          : post.deletedAt
            ? `${a.inTrashSince} ${post.deletedAt.toISOString().slice(0, 10)}`
            : null
    const featured = post.featuredMediaId
      ? await findMediaById(c.var.db, post.featuredMediaId)
      : null
    return renderEditor(c, { postId: post.id, values: formFromPost(c, post, featured), notice })
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
