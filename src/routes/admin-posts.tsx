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
import { findMediaById, imagesByKey, imagesOfPost } from '../db/media'
import type { Media } from '../db/schema'
import {
  AUTOSAVE_REVISION_INTERVAL_MS,
  findAutosave,
  lastRevisionAt,
  storeAutosave,
} from '../db/autosaves'
import { findPublishedPost } from '../db/posts'
import { viewsByPath } from '../db/audience'
import { DATABASE_RETRY_AFTER_SECONDS, isDatabaseFailure } from '../db/failure'
import { dayOf } from '../lib/audience'
import {
  epochToZonedInputs,
  formatDateTime,
  formatScheduledFor,
  formatTimeOfDay,
} from '../lib/dates'
import { FRAGMENT_VARY, isFragmentRequest } from '../lib/htmx'
import type { AdminMessages } from '../lib/i18n-admin'
import { excerptFromMarkdown, renderMarkdown } from '../lib/markdown'
import { typedForm, lenientQuery } from '../validation/form'
import {
  adminPostsQuery,
  isBodyTooLarge,
  loadedVersion,
  postFormFields,
  previewForm,
  validatePostForm,
  type PostFormError,
  type PostFormErrors,
  type PostFormValues,
  type TypedPostForm,
} from '../validation/posts'
import { slugify } from '../lib/slug'
import { timeZoneChoices } from '../lib/time-zones'
import { checkPostImages, editorImages } from '../media/post-images-check'
import { BODY_SIZES, decorateImages } from '../media/responsive-images'
import { mediaUrl } from '../media/store'
import { requireEditor } from '../auth/editor-session'
import type { AdminEnv, EditorEnv } from '../types'
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
import { attemptLogin, type LoginResult } from '../auth/login'
import { ReloginPage } from '../views/pages/admin/relogin-page'

/** Both before and after `requireEditor`. */
type AdminContext = Context<AdminEnv> | Context<EditorEnv>

// The preview shows originals: no srcset, every image at once.
const PREVIEW_LOADING = { first: true, responsive: false, sizes: BODY_SIZES }

function errorText(a: AdminMessages, error: PostFormError): string {
  if (typeof error === 'string') return a.errors[error]
  return 'imageAltMissing' in error
    ? a.errors.imageAltMissing(error.imageAltMissing.join(', '))
    : a.errors.slugTaken(error.slugTaken)
}

function postIdParam(c: AdminContext): number {
  const id = Number(c.req.param('id'))
  if (!Number.isSafeInteger(id) || id <= 0) throw new HTTPException(404)
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
    version: '',
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
    props.postId ? listRevisions(db, props.postId) : Promise.resolve([]),
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

/** A save without a live session: the login form alone, what was typed kept in hidden fields. */
function renderRelogin(
  c: Context<AdminEnv>,
  postId: number | null,
  values: PostFormValues,
  result: LoginResult | null,
) {
  const { a } = c.var
  let error: string | null = null
  c.status(401)
  if (result && !result.ok && result.reason === 'blocked') {
    c.status(429)
    c.header('Retry-After', String(result.retryAfterSeconds))
    error = a.tooManyAttempts(Math.ceil(result.retryAfterSeconds / 60))
  } else if (result) {
    error = a.loginFailed
  }
  const action = postId ? `/admin/posts/${postId}` : '/admin/posts'
  return c.render(<ReloginPage a={a} action={action} values={values} error={error} />, {
    title: a.loginTitle,
    admin: true,
  })
}

/**
 * The form checked against the rules and the database (authors, categories, slug, images), as
 * the post to write, or the errors by field.
 */
async function checkPost(
  c: AdminContext,
  values: PostFormValues,
  postId: number | null,
): Promise<{ errors: PostFormErrors; input: PostInput | null }> {
  const { db } = c.var
  const { errors, post } = validatePostForm(values, Date.now())
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
  if (!post || Object.keys(errors).length > 0) return { errors, input: null }

  const newCategorySlug = post.newCategory ? slugify(post.newCategory) : ''
  return {
    errors,
    input: {
      slug: post.slug,
      title: post.title,
      excerpt: post.excerpt || excerptFromMarkdown(post.markdown),
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
    },
  }
}

/**
 * Saves a new post (postId null) or an existing one. A rejected form comes back as it was sent,
 * with a message by each field; an expired session is renewed from the login fields in the form.
 * A save names the version it was loaded from: a stale one is refused (409), never applied.
 */
async function savePost(c: Context<AdminEnv>, postId: number | null, typed: TypedPostForm) {
  const { db } = c.var
  const { loginEmail, loginPassword, ...values } = typed

  let editor = c.var.editor
  if (!editor) {
    const result =
      loginEmail || loginPassword ? await attemptLogin(c, loginEmail, loginPassword) : null
    if (!result?.ok) return renderRelogin(c, postId, values, result)
    editor = result.user
    c.set('editor', editor)
  }

  const existing = postId ? await findPostForEditing(db, postId) : null
  if (postId && !existing) throw new HTTPException(404)
  if (existing?.deletedAt) return c.redirect(`/admin/posts/${postId}`, 303)

  const { errors, input } = await checkPost(c, values, postId)
  if (!input) {
    c.status(errors.markdown === 'bodyTooLarge' ? 413 : 422)
    return renderEditor(c, { postId, values, formErrors: errors })
  }
  try {
    if (!existing) {
      const id = await createPost(db, input, editor.id)
      return c.redirect(`/admin/posts/${id}?saved=1`, 303)
    }
    const version = loadedVersion(values)
    const result = version ? await updatePost(db, existing.id, version, input, editor.id) : null
    if (result?.saved) return c.redirect(`/admin/posts/${existing.id}?saved=1`, 303)
  } catch (error) {
    if (!isDatabaseFailure(error)) throw error
    // One batch, so nothing was written: the editor gets the form back to try again.
    console.error(error)
    c.status(503)
    c.header('Retry-After', String(DATABASE_RETRY_AFTER_SECONDS))
    return renderEditor(c, { postId, values, notice: c.var.a.notSavedTryAgain })
  }
  return renderConflict(c, existing.id, values)
}

/** 409: the form as typed, the stored version beside it; saving again replaces the stored one. */
async function renderConflict(c: Context<AdminEnv>, postId: number, values: PostFormValues) {
  const current = await findPostForEditing(c.var.db, postId)
  if (!current) throw new HTTPException(404)
  c.status(409)
  return renderEditor(c, {
    postId,
    values: { ...values, version: String(current.version) },
    yourVersion: values.version,
    conflict: current,
  })
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
async function autosavePost(c: Context<AdminEnv>, postId: number | null, typed: TypedPostForm) {
  const { db, a, site } = c.var
  const editor = c.var.editor
  if (!editor) {
    c.status(401)
    return c.html(<AutosaveResult message={a.autosaveLoggedOut} />)
  }
  const existing = postId ? await findPostForEditing(db, postId) : null
  if (postId && (!existing || existing.deletedAt)) throw new HTTPException(404)
  const { loginEmail, loginPassword, ...values } = typed
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
  if (existing) {
    const last = await lastRevisionAt(db, existing.id)
    const revision = !last || Date.now() - last.getTime() >= AUTOSAVE_REVISION_INTERVAL_MS
    const version = loadedVersion(values)
    const result = version
      ? await updatePost(db, existing.id, version, input, editor.id, { revision })
      : null
    if (!result?.saved) {
      // Someone else saved meanwhile: never overwrite; a full save shows both versions.
      c.status(409)
      return c.html(<AutosaveResult message={a.autosaveConflict} />)
    }
    return c.html(<AutosaveResult message={a.autosavedDraft(time)} version={result.version} />)
  }
  const id = await createPost(db, input, editor.id)
  c.header('Post-Url', `/admin/posts/${id}`)
  const saved = await findPostForEditing(db, id)
  return c.html(<AutosaveResult message={a.autosavedDraft(time)} version={saved?.version} />)
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
  // What readers see decides: any post whose date is still to come is not live yet.
  if (post.publishedAt && post.publishedAt.getTime() > Date.now())
    return a.savedScheduled(formatScheduledFor(post.publishedAt, site.locale, site.timeZone))
  return a.savedPublished
}

function formFromPost(
  c: AdminContext,
  post: NonNullable<Awaited<ReturnType<typeof findPostForEditing>>>,
  featuredImage: Media | null = null,
): PostFormValues {
  const { timeZone } = c.var.site
  const when = post.publishedAt ? epochToZonedInputs(post.publishedAt.getTime(), timeZone) : null
  // A scheduled post whose time has come is live: it is shown, and saved, as published.
  const live =
    post.status === 'scheduled' && post.publishedAt && post.publishedAt.getTime() <= Date.now()
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
    status: live ? 'published' : post.status,
    publishDate: when?.date ?? '',
    publishTime: when?.time ?? '',
    timeZone,
    version: String(post.version),
    featuredImage: featuredImage ? mediaUrl(featuredImage) : '',
    featuredImageAlt: post.featuredImageAlt,
  }
}

export const adminPostRoutes = new Hono<AdminEnv>()
  .post('/', typedForm(postFormFields), (c) => savePost(c, null, c.req.valid('form')))
  .post('/:id{[0-9]+}', typedForm(postFormFields), (c) =>
    savePost(c, postIdParam(c), c.req.valid('form')),
  )
  .post('/autosave', typedForm(postFormFields), (c) => autosavePost(c, null, c.req.valid('form')))
  .post('/:id{[0-9]+}/autosave', typedForm(postFormFields), (c) =>
    autosavePost(c, postIdParam(c), c.req.valid('form')),
  )
  .use(requireEditor)
  .get('/', lenientQuery(adminPostsQuery), async (c) => {
    const { db, site, a } = c.var
    const { status, category: categoryParam, q: search, after, trashed } = c.req.valid('query')
    const page = await listAdminPosts(db, {
      status: status || null,
      categoryId: categoryParam ? Number(categoryParam) : null,
      search,
      after: decodeAdminPosition(after),
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
    const trashedId = trashed
    return c.render(
      <PostsPage
        site={site}
        a={a}
        editor={c.var.editor}
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
    const own = c.var.editor.authorId
    const authorId = own ?? (await listAuthors(c.var.db))[0]?.id
    return renderEditor(c, { postId: null, values: blankForm(c, authorId) })
  })
  .post('/preview', typedForm(previewForm), async (c) => {
    const { markdown, language, excerpt } = c.req.valid('form')
    if (isBodyTooLarge(markdown)) {
      c.status(413)
      return c.html(<p class="field-error">{c.var.a.errors.bodyTooLarge}</p>)
    }
    const html = renderMarkdown(markdown, language)
    return c.html(
      <>
        {raw(decorateImages(html, await imagesByKey(c.var.db, html), PREVIEW_LOADING))}
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
  .get('/:id{[0-9]+}', lenientQuery(adminPostsQuery), async (c) => {
    const { a, db } = c.var
    const post = await findPostForEditing(db, postIdParam(c))
    if (!post) throw new HTTPException(404)
    if (post.kind === 'note') return c.redirect(`/admin/notes/${post.id}`, 303)
    const query = c.req.valid('query')
    const [autosave, featured] = await Promise.all([
      findAutosave(db, post.id),
      post.featuredMediaId ? findMediaById(db, post.featuredMediaId) : null,
    ])
    const values = formFromPost(c, post, featured)
    if (autosave && query.autosave) {
      Object.assign(values, { title: autosave.title, excerpt: autosave.excerpt })
      values.markdown = autosave.markdown
    }
    const notice = query.saved
      ? savedMessage(c, post)
      : query.restored
        ? a.revisionRestored
        : query.untrashed
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
        autosave && !query.autosave
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
        <PostPage site={site} post={post} images={await imagesOfPost(db, post.id)} />
      </>,
      { title: `${a.previewPost}: ${post.title}`, admin: true },
    )
  })
  .get('/:id{[0-9]+}/delete', async (c) => {
    const post = await findPostForEditing(c.var.db, postIdParam(c))
    if (!post) throw new HTTPException(404)
    return c.render(<DeletePostPage a={c.var.a} editor={c.var.editor} post={post} />, {
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
    const result = await updatePost(
      db,
      id,
      post.version,
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
      c.var.editor.id,
    )
    // Someone saved in between: their version stays, and the list of revisions shows both.
    if (!result.saved) return c.redirect(`/admin/posts/${id}`, 303)
    return c.redirect(`/admin/posts/${id}?restored=1`, 303)
  })
