import { Hono } from 'hono'
import { retentionMonths } from '../audience'
import type { AppEnv } from '../../types'
import { PrivacyPage } from './views/privacy-page'

export const privacyRoutes = new Hono<AppEnv>().get('/', (c) => {
  const { site } = c.var
  return c.render(
    <PrivacyPage
      locale={site.locale}
      siteName={site.name}
      retentionMonths={retentionMonths(c.env.ANALYTICS_RETENTION_MONTHS)}
    />,
    { title: site.t.privacy },
  )
})
