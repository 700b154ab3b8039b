import { and, eq, isNull } from 'drizzle-orm'
import { users, comments } from '../../db/schema'
import { mailerFor } from '../../lib/mail'
import { toLocale } from '../../i18n/site'
import { unsubscribeSignature } from './email-hash'
import { commentMessagesFor } from './messages'
import type { CommentablePost } from './queries'

type MailContext = Parameters<typeof mailerFor>[0]

const plainHtml = (lines: string[]) =>
  `<!doctype html><html><body>${lines
    .map(
      (line) => `<p>${line.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')}</p>`,
    )
    .join('')}</body></html>`

/** Mail is a courtesy: a failure to send never loses the comment. */
async function send(
  c: MailContext,
  message: Parameters<ReturnType<typeof mailerFor>['sendMail']>[0],
) {
  try {
    const mailer = mailerFor(c)
    if (mailer.available) await mailer.sendMail(message)
  } catch (error) {
    console.error('Comments: a message could not be sent.', error)
  }
}

/** The post's author (through the accounts writing as that profile) hears of a held comment. */
export async function tellAuthorToModerate(
  c: MailContext,
  post: Pick<CommentablePost, 'authorId' | 'title' | 'language'>,
  comment: { authorName: string; markdown: string },
) {
  const db = c.var.db
  const editors = await db
    .select({ email: users.email })
    .from(users)
    .where(eq(users.authorId, post.authorId))
  const m = commentMessagesFor(toLocale(post.language))
  const link = `${c.var.site.url}/admin/comments`
  for (const { email } of editors) {
    const lines = [m.moderateMailText(comment.authorName, post.title), comment.markdown, link]
    await send(c, {
      to: email,
      subject: m.moderateMailSubject(post.title),
      text: lines.join('\n\n'),
      html: plainHtml(lines),
      language: post.language,
    })
  }
}

/** A published reply: the parent's writer hears of it if they asked, with a way to stop. */
export async function tellOfReply(
  c: MailContext,
  pepper: string,
  reply: { id: number; parentId: number | null; authorName: string; markdown: string },
  post: { slug: string; title: string; language: string; kind: string },
) {
  if (!reply.parentId) return
  // Claimed in one statement: a reply approved again (after spam), or by two editors at once, is
  // told of once.
  const [claimed] = await c.var.db
    .update(comments)
    .set({ replyNoticedAt: new Date() })
    .where(and(eq(comments.id, reply.id), isNull(comments.replyNoticedAt)))
    .returning({ id: comments.id })
  if (!claimed) return
  const [parent] = await c.var.db
    .select({ id: comments.id, email: comments.email, notify: comments.notifyReplies })
    .from(comments)
    .where(eq(comments.id, reply.parentId))
  if (!parent?.notify || !parent.email) return
  const m = commentMessagesFor(toLocale(post.language))
  const base = c.var.site.url
  const address = post.kind === 'page' ? `${base}/${post.slug}` : `${base}/posts/${post.slug}`
  const stop = `${base}/admin/comments/unsubscribe/${parent.id}/${await unsubscribeSignature(pepper, parent.id)}`
  const lines = [
    m.replyMailText(reply.authorName, post.title),
    reply.markdown,
    `${address}#comments`,
    m.unsubscribeLine,
    stop,
  ]
  await send(c, {
    to: parent.email,
    subject: m.replyMailSubject(post.title),
    text: lines.join('\n\n'),
    html: plainHtml(lines),
    language: post.language,
    headers: {
      'List-Unsubscribe': `<${stop}>`,
      'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
    },
  })
}
