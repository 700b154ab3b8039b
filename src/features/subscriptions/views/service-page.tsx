import type { Language } from '../../../db/schema'

/**
 * The confirmation and unsubscribe pages: a title, a sentence and, before anything is done, one
 * button that POSTs (a link checker following the GET changes nothing). The same for every token.
 */
export function ServicePage({
  language,
  title,
  lead,
  action,
  button,
}: {
  language: Language
  title: string
  lead: string
  action?: string
  button?: string
}) {
  return (
    <article class="post subscription" lang={language}>
      <h1>{title}</h1>
      <p role={action ? undefined : 'status'}>{lead}</p>
      {action && button && (
        <form method="post" action={action}>
          <button type="submit">{button}</button>
        </form>
      )}
    </article>
  )
}
