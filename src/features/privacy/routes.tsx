import { Hono } from 'hono'
import type { AppEnv } from '../../types'
import { PrivacyPage } from './views/privacy-page'

export const privacyRoutes = new Hono<AppEnv>().get('/', (c) => {
  const { site } = c.var
  return c.render(
    <PrivacyPage
      locale={site.locale}
      siteName={site.name}
      retentionMonths={site.audience.retentionMonths}
    />,
    { title: site.t.privacy },
  )
})
