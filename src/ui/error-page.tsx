import type { Site } from '../types'

export function ErrorPage({
  site,
  title,
  message,
}: {
  site: Site
  title: string
  message: string
}) {
  return (
    <section class="error-page">
      <h1>{title}</h1>
      <p>{message}</p>
      <p>
        <a href="/">{site.t.goHome}</a>
      </p>
    </section>
  )
}

/** Swapped in place of a Load More link when its request fails (htmx 4 swaps error responses). */
export function ErrorNotice({ message }: { message: string }) {
  return (
    <p class="feed-error" role="alert">
      {message}
    </p>
  )
}
