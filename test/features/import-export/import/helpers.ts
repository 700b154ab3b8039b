import { env, exports } from 'cloudflare:workers'
import { expect } from 'vitest'
import { count } from 'drizzle-orm'
import { authors, categories, posts, redirects } from '../../../../src/db/schema'
import { d1RedirectWriter } from '../../../../src/features/import-export/import/redirects'
import { readExportText } from '../../../../src/features/import-export/import/read'
import {
  importSurveyed,
  surveyExport,
  type ExportReader,
  type ImportOptions,
} from '../../../../src/features/import-export/import/run'
import { db } from '../../../fixtures'

/** Imports an export as the command line does: read through once, then again post by post. */
export async function importText(text: string, options: Partial<ImportOptions> = {}) {
  const read: ExportReader = (onPosts) => readExportText(text, onPosts)
  const survey = await surveyExport(read)
  return importSurveyed(db, read, survey, {
    dryRun: false,
    redirects: d1RedirectWriter(db),
    mediaEnv: { db, bucket: env.MEDIA },
    ...options,
  })
}

export async function rowCounts() {
  const rows = async (
    table: typeof posts | typeof authors | typeof categories | typeof redirects,
  ) => (await db.select({ n: count() }).from(table))[0].n
  return {
    posts: await rows(posts),
    authors: await rows(authors),
    categories: await rows(categories),
    redirects: await rows(redirects),
  }
}

/** Each old address answers one 301 straight to its new place. */
export async function expectRedirects(cases: [from: string, to: string][]) {
  for (const [from, to] of cases) {
    const response = await exports.default.fetch(`https://blog.example${from}`, {
      redirect: 'manual',
    })
    expect(response.status, from).toBe(301)
    expect(response.headers.get('Location'), from).toBe(to)
  }
}
