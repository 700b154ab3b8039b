import type { Db } from './db/client'
import type { Locale, Messages } from './lib/i18n'

export type Site = {
  name: string
  tagline: string
  locale: Locale
  timeZone: string
  t: Messages
}

export type AppEnv = {
  Bindings: Env
  Variables: { site: Site; db: Db }
}

declare module 'hono' {
  interface ContextRenderer {
    (
      content: string | Promise<string>,
      props: { title?: string; description?: string },
    ): Response | Promise<Response>
  }
}
