import { Hono, type Context } from 'hono'
import { raw } from 'hono/html'
import { HTTPException } from 'hono/http-exception'
import {
  findPostForEditing,
  findRevision,
  listAdminPosts,
  defaultBylineId,
  listCategories,
} from './admin-queries'
import { decodeAdminPosition, encodeAdminPosition } from './admin-list-order'
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
import { belongsIn, POST_EDITOR, type EditorKind } from './editor-kind'
import { PREVIEW_LOADING, renderEditor, respondToAutosave, respondToSave } from './editor-responses'
import { autosavePost, savePost } from './save-post'
import type { PostFormValues, TypedPostForm } from './schemas'
import { postPath } from '../../lib/addresses'
import { mailAfterSave } from '../subscriptions'

const revisionParams = validParams(v.object({ id: idParam, revisionId: idParam }))

type EditedPost = NonNullable<Awaited<ReturnType<typeof findPostForEditing>>>

/** What another editor built on this one (pages) adds around the shared routes. */
export type EditorHooks = {
  /** Form values the posts' editor does not know, for a post being opened. */
  formValues?: (c: Context<EditorEnv>, post: EditedPost) => Promise<Partial<PostFormValues>>
  /** After a successful save (not an autosave), with the form as sent. */
  afterSave?: (c: Context<AdminEnv>, postId: number, form: TypedPostForm) => Promise<void>
  /** The editors' preview of a draft. */
  preview?: (c: Context<EditorEnv>, post: EditedPost) => Promise<Response>
}

/**
 * The post in this editor, or 404 (a page is not opened in the posts' editor, nor the reverse);
 * 403 unless the editor may open it, or with `change`, change it (authors: their own).
 */
async function editedPost(
  c: Context<EditorEnv>,
  id: number,
  editorKind: EditorKind,
  access: 'open' | 'change',
) {
  const post = await findPostForEditing(c.var.db, id)
  if (!post || !belongsIn(editorKind, post)) throw new HTTPException(404)
  const may = access === 'open' ? mayOpenPost : mayChangePost
  refuseUnless(c, may(c.var.editor, post))
  return post
}

/**
 * The editor's routes, for posts (`/admin/posts`) or for pages (`/admin/pages`): save and
 * autosave (before `requireEditor`, so an expired session can log in again from the form), new,
 * edit, preview, trash and restore, revisions.
 */
export function editorRoutes(editorKind: EditorKind, hooks: EditorHooks = {}) {
  const { basePath } = editorKind
  return (
    new Hono<AdminEnv>()
      .post('/', typedForm(postFormFields), async (c) => {
        const form = c.req.valid('form')
        const outcome = await savePost(c, null, form, editorKind)
        if (outcome.kind === 'saved') await hooks.afterSave?.(c, outcome.postId, form)
        if (outcome.kind === 'saved' && editorKind.kind === 'post')
          await mailAfterSave(c, outcome.postId, form)
        return respondToSave(c, null, form, outcome, editorKind)
      })
      .post('/:id{[0-9]+}', idParams, typedForm(postFormFields), async (c) => {
        const [id, form] = [c.req.valid('param').id, c.req.valid('form')]
        const outcome = await savePost(c, id, form, editorKind)
        if (outcome.kind === 'saved') await hooks.afterSave?.(c, outcome.postId, form)
        if (outcome.kind === 'saved' && editorKind.kind === 'post')
          await mailAfterSave(c, outcome.postId, form)
        return respondToSave(c, id, form, outcome, editorKind)
      })
      .post('/autosave', typedForm(postFormFields), async (c) =>
        respondToAutosave(
          c,
          await autosavePost(c, null, c.req.valid('form'), editorKind),
          editorKind,
        ),
      )
      .post('/:id{[0-9]+}/autosave', idParams, typedForm(postFormFields), async (c) =>
        respondToAutosave(
          c,
          await autosavePost(c, c.req.valid('param').id, c.req.valid('form'), editorKind),
          editorKind,
        ),
      )
      .use(requireEditor)
      // Pages are the site's, like its settings and menus: the owner's and editors' only.
      .use(async (c, next) => {
        if (editorKind.kind === 'page') refuseUnless(c, editsAllContent(c.var.editor))
        await next()
      })
      .get('/new', async (c) => {
        const authorId = await defaultBylineId(c.var.db, c.var.editor)
        return renderEditor(c, { postId: null, values: blankForm(c, authorId), editorKind })
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
        if (post.kind === 'note' && editorKind.kind === 'post')
          return c.redirect(`/admin/notes/${post.id}`, 303)
        if (post.kind === 'page' && editorKind.kind === 'post')
          return c.redirect(`/admin/pages/${post.id}`, 303)
        if (!belongsIn(editorKind, post)) throw new HTTPException(404)
        const query = c.req.valid('query')
        const [autosave, featured] = await Promise.all([
          findAutosave(db, post.id),
          post.featuredMediaId ? findMediaById(db, post.featuredMediaId) : null,
        ])
        const values = {
          ...formFromPost(c, post, featured),
          ...(await hooks.formValues?.(c, post)),
        }
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
        // Shared previews show a post as readers will see it at /posts/…: pages have none.
        const previewShare =
          editorKind.kind === 'post' && !post.deletedAt && isNotLiveYet(post, now)
            ? { link: await findPreviewLink(db, authPepper(c.env), post.id, now) }
            : null
        return renderEditor(c, {
          editorKind,
          postId: post.id,
          values,
          notice,
          previewShare,
          postLink: post.deletedAt ? null : postLink(c, post, editorKind),
          locked: mayChangePost(c.var.editor, post) ? null : a.editorsOnly,
          autosave:
            autosave && !query.autosave
              ? { time: formatDateTime(autosave.createdAt, c.var.site.locale, c.var.site.timeZone) }
              : null,
        })
      })
      .get('/:id{[0-9]+}/preview', idParams, async (c) => {
        const { db, site, a } = c.var
        const found = await editedPost(c, c.req.valid('param').id, editorKind, 'open')
        if (hooks.preview) return hooks.preview(c, found)
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
        const post = await editedPost(c, c.req.valid('param').id, editorKind, 'change')
        return c.render(
          <DeletePostPage a={c.var.a} editor={c.var.editor} post={post} basePath={basePath} />,
          { title: c.var.a.delete, admin: true },
        )
      })
      .post('/:id{[0-9]+}/delete', idParams, async (c) => {
        const { id } = await editedPost(c, c.req.valid('param').id, editorKind, 'change')
        await trashPost(c.var.db, id)
        return c.redirect(`${basePath}?trashed=${id}`, 303)
      })
      .post('/:id{[0-9]+}/restore', idParams, async (c) => {
        const { id } = await editedPost(c, c.req.valid('param').id, editorKind, 'change')
        await restorePostFromTrash(c.var.db, id)
        return c.redirect(`${basePath}/${id}?untrashed=1`, 303)
      })
      .post('/:id{[0-9]+}/revisions/:revisionId{[0-9]+}/restore', revisionParams, async (c) => {
        const { db } = c.var
        const post = await editedPost(c, c.req.valid('param').id, editorKind, 'change')
        const id = post.id
        const revision = await findRevision(db, id, c.req.valid('param').revisionId)
        if (!revision) throw new HTTPException(404)
        if (post.deletedAt) return c.redirect(`${basePath}/${id}`, 303)
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
        if (!result.saved) return c.redirect(`${basePath}/${id}`, 303)
        return c.redirect(`${basePath}/${id}?restored=1`, 303)
      })
  )
}

/** `/admin/posts`: the list of posts and notes, and the posts' editor. */
export const adminPostRoutes = editorRoutes(POST_EDITOR).get(
  '/',
  lenientQuery(adminPostsQuery),
  async (c) => {
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
        page.posts.map((post) => postPath(post.slug)),
        since,
      ),
      reviewsByPost(
        db,
        page.posts.map((post) => post.id),
      ),
    ])
    const rows = page.posts.map((post) => ({
      ...post,
      views: views.get(postPath(post.slug)) ?? 0,
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
  },
)
