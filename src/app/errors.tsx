import type { Context, ErrorHandler, NotFoundHandler } from 'hono'
import { HTTPException } from 'hono/http-exception'
import type { ContentfulStatusCode } from 'hono/utils/http-status'
import type { AppEnv } from '../types'
import { ErrorNotice, ErrorPage } from '../ui/error-page'
import { isFragmentRequest } from '../lib/htmx'
import { BadCursorException } from '../features/posts'
import { DATABASE_RETRY_AFTER_SECONDS, isDatabaseFailure } from '../db/failure'

function renderError(
  c: Context<AppEnv>,
  status: ContentfulStatusCode,
  title: string,
  message: string,
) {
  c.status(status)
  if (isFragmentRequest(c.req.raw.headers)) return c.html(<ErrorNotice message={message} />)
  return c.render(<ErrorPage site={c.var.site} title={title} message={message} />, {
    title,
    noindex: true,
  })
}

export const notFound: NotFoundHandler<AppEnv> = (c) => {
  const { t } = c.var.site
  return renderError(c, 404, t.notFoundTitle, t.notFoundBody)
}

/** Expected failures carry their status; anything else is logged and shown as a plain apology. */
export const onError: ErrorHandler<AppEnv> = (error, c) => {
  const { t } = c.var.site
  if (error instanceof BadCursorException)
    return renderError(c, 400, t.badRequestTitle, t.badCursorBody)
  if (error instanceof HTTPException) {
    if (error.status === 404) return notFound(c)
    if (error.status < 500) {
      const status = error.status as ContentfulStatusCode
      return renderError(c, status, t.badRequestTitle, error.message || t.badRequestTitle)
    }
  }
  console.error(error)
  if (isDatabaseFailure(error)) {
    c.header('Retry-After', String(DATABASE_RETRY_AFTER_SECONDS))
    return renderError(c, 503, t.unavailableTitle, t.unavailableBody)
  }
  return renderError(c, 500, t.errorTitle, t.errorBody)
}
