import { Hono, type Context } from 'hono'
import { raw } from 'hono/html'
import { HTTPException } from 'hono/http-exception'
import {
  decodeAdminPosition,
  encodeAdminPosition,
  findPostForEditing,
  findRevision,
  listAdminPosts,
  listAuthors,
  listCategories,
} from './admin-queries'
import { restorePostFromTrash, trashPost, updatePost } from './writes'
import { findMediaById, imagesByKey } from '../media'

import { findAutosave } from './autosaves'
import { findPublishedPost } from './queries'
import { viewsByPath } from '../audience'

import { dayOf } from '../audience'
import { formatDateTime } from '../../lib/dates'
import { FRAGMENT_VARY, isFragmentRequest } from '../../lib/htmx'

import { excerptFromMarkdown, renderMarkdown } from '../../lib/markdown'
import * as v from 'valibot'
import { idParam, idParams, lenientQuery, typedForm, validParams } from '../../lib/validation/form'
import { adminPostsQuery, isBodyTooLarge, postFormFields, previewForm } from './schemas'

import { decorateImages } from '../media'

import {
  authPepper,
  editsAllContent,
  mayChangePost,
  mayOpenPost,
  refuseUnless,
  requireEditor,
} from '../auth'
import { postReviewMessagesFor } from './review-messages'
import { reviewsByPost } from './review-state'
import { findPreviewLink, isNotLiveYet, previewLinkMessagesFor } from '../preview-links'
import type { AdminEnv, EditorEnv } from '../../types'
import { DeletePostPage } from './views/delete-post-page'
import { ExcerptSource } from './views/post-editor-page'
import { PostPage } from './views/post-page'
import { Notice } from '../../ui/admin-nav'
import { PostsPage } from './views/admin-posts-page'
import { AdminPostRows } from './views/admin-post-rows'

import { blankForm, formFromPost, postLink, savedMessage } from './editor-form'
import { PREVIEW_LOADING, renderEditor, respondToAutosave, respondToSave } from './editor-responses'
import { autosavePost, savePost } from './save-post'

/** The post, if it exists (404) and the editor may change it (403). */
async function changeablePost(c: Context<EditorEnv>, id: number) {
  const post = await findPostForEditing(c.var.db, id)
  if (!post) throw new HTTPException(404)
  refuseUnless(c, mayChangePost(c.var.editor, post))
  return post
}

export const adminPostRoutes = new Hono<AdminEnv>()
  .post('/', typedForm(postFormFields), async (c) => {
    const form = c.req.valid('form')
    return respondToSave(c, null, form, await savePost(c, null, form))
  })
  .post('/:id{[0-9]+}', idParams, typedForm(postFormFields), async (c) => {
    const [id, form] = [c.req.valid('param').id, c.req.valid('form')]
    return respondToSave(c, id, form, await savePost(c, id, form))
  })
  .post('/autosave', typedForm(postFormFields), async (c) =>
    respondToAutosave(c, await autosavePost(c, null, c.req.valid('form'))),
  )
  .post('/:id{[0-9]+}/autosave', idParams, typedForm(postFormFields), async (c) =>
    respondToAutosave(c, await autosavePost(c, c.req.valid('param').id, c.req.valid('form'))),
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
      // Authors and contributors see their own posts only, drafts of others included.
      createdBy: editsAllContent(c.var.editor) ? null : c.var.editor.id,
    })
    const since = dayOf(Date.now() - 29 * 86_400_000, site.timeZone)
    const [views, reviews] = await Promise.all([
      viewsByPath(
        db,
        page.posts.map((post) => `/posts/${post.slug}`),
        since,
      ),
      reviewsByPost(
        db,
        page.posts.map((post) => post.id),
      ),
    ])
    const rows = page.posts.map((post) => ({
      ...post,
      views: views.get(`/posts/${post.slug}`) ?? 0,
      review: reviews.get(post.id) ?? null,
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
  .get('/:id{[0-9]+}', idParams, lenientQuery(adminPostsQuery), async (c) => {
    const { a, db } = c.var
    const post = await findPostForEditing(db, c.req.valid('param').id)
    if (!post) throw new HTTPException(404)
    refuseUnless(c, mayOpenPost(c.var.editor, post))
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
    const shared = previewLinkMessagesFor(c.var.site.locale)
    const notice = query.submitted
      ? postReviewMessagesFor(c.var.site.locale).submitted
      : query.saved
        ? savedMessage(c, post)
        : query.preview === 'shared'
          ? shared.shared
          : query.preview === 'revoked'
            ? shared.revoked
            : query.restored
              ? a.revisionRestored
              : query.untrashed
                ? a.restored
                : post.deletedAt
                  ? `${a.inTrashSince} ${post.deletedAt.toISOString().slice(0, 10)}`
                  : null
    const now = Date.now()
    const previewShare =
      !post.deletedAt && isNotLiveYet(post, now)
        ? { link: await findPreviewLink(db, authPepper(c.env), post.id, now) }
        : null
    return renderEditor(c, {
      postId: post.id,
      values,
      notice,
      previewShare,
      postLink: post.deletedAt ? null : postLink(c, post),
      locked: mayChangePost(c.var.editor, post) ? null : a.editorsOnly,
      autosave:
        autosave && !query.autosave
          ? { time: formatDateTime(autosave.createdAt, c.var.site.locale, c.var.site.timeZone) }
          : null,
    })
  })
  .get('/:id{[0-9]+}/preview', idParams, async (c) => {
    const { db, site, a } = c.var
    const found = await findPostForEditing(db, c.req.valid('param').id)
    if (!found) throw new HTTPException(404)
    refuseUnless(c, mayOpenPost(c.var.editor, found))
    const post = await findPublishedPost(db, found.slug, Date.now(), { preview: true })
    if (!post) throw new HTTPException(404)
    return c.render(
      <>
        <Notice message={a.previewNotice} />
        <PostPage site={site} post={post} images={post.images} />
      </>,
      { title: `${a.previewPost}: ${post.title}`, admin: true },
    )
  })
  .get('/:id{[0-9]+}/delete', idParams, async (c) => {
    const post = await findPostForEditing(c.var.db, c.req.valid('param').id)
    if (!post) throw new HTTPException(404)
    refuseUnless(c, mayChangePost(c.var.editor, post))
    return c.render(<DeletePostPage a={c.var.a} editor={c.var.editor} post={post} />, {
      title: c.var.a.delete,
      admin: true,
    })
  })
  .post('/:id{[0-9]+}/delete', idParams, async (c) => {
    const id = c.req.valid('param').id
    await changeablePost(c, id)
    await trashPost(c.var.db, id)
    return c.redirect(`/admin/posts?trashed=${id}`, 303)
  })
  .post('/:id{[0-9]+}/restore', idParams, async (c) => {
    const id = c.req.valid('param').id
    await changeablePost(c, id)
    await restorePostFromTrash(c.var.db, id)
    return c.redirect(`/admin/posts/${id}?untrashed=1`, 303)
  })
  .post(
    '/:id{[0-9]+}/revisions/:revisionId{[0-9]+}/restore',
    validParams(v.object({ id: idParam, revisionId: idParam })),
    async (c) => {
      const { db } = c.var
      const id = c.req.valid('param').id
      const post = await findPostForEditing(db, id)
      const revision = await findRevision(db, id, c.req.valid('param').revisionId)
      if (!post || !revision) throw new HTTPException(404)
      refuseUnless(c, mayChangePost(c.var.editor, post))
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
    },
  )
