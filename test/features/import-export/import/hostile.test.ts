import { describe, expect, it } from 'vitest'
import { ImportFileError } from '../../../../src/features/import-export/import/source'
import { WXR_LIMITS } from '../../../../src/features/import-export/import/wxr'
import sample from './fixtures/wordpress-export-sample.xml?raw'
import { importText, rowCounts } from './helpers'

async function refusal(text: string) {
  const error = await importText(text).then(
    () => null,
    (e: unknown) => e,
  )
  expect(error).toBeInstanceOf(ImportFileError)
  expect(await rowCounts()).toEqual({ posts: 0, authors: 0, categories: 0, redirects: 0 })
  return (error as Error).message
}

const WXR_HEAD = `<?xml version="1.0"?>
<rss version="2.0" xmlns:wp="http://wordpress.org/export/1.2/"><channel>`

describe('files that are not a clean export', () => {
  it('refuses entities that expand (billion laughs), writing nothing', async () => {
    const laughs = `<?xml version="1.0"?>
<!DOCTYPE rss [<!ENTITY a "lol"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">]>
<rss version="2.0" xmlns:wp="http://wordpress.org/export/1.2/"><channel><item><title>&c;</title></item></channel></rss>`
    expect(await refusal(laughs)).toMatch(/DOCTYPE/)
  })

  it('refuses an undeclared entity and an external one', async () => {
    expect(await refusal(`${WXR_HEAD}<item><title>&xxe;</title></item></channel></rss>`)).toMatch(
      /not well-formed/,
    )
  })

  it('refuses huge attributes', async () => {
    const huge = 'x'.repeat(WXR_LIMITS.attribute + 1)
    expect(
      await refusal(
        `${WXR_HEAD}<item><category domain="${huge}">x</category></item></channel></rss>`,
      ),
    ).toMatch(/too long/)
  })

  it('refuses a truncated export and writes nothing of what came before the cut', async () => {
    expect(await refusal(sample.slice(0, Math.floor(sample.length * 0.8)))).toMatch(
      /truncated|not well-formed/,
    )
  })

  it('refuses XML that is not a WordPress export, JSON that is not Ghost, and other files', async () => {
    expect(await refusal('<?xml version="1.0"?><rss version="2.0"><channel/></rss>')).toMatch(
      /not a WordPress export/,
    )
    expect(await refusal('{"posts": []}')).toMatch(/not a Ghost export/)
    expect(await refusal('{"db": [')).toMatch(/not valid JSON/)
    expect(await refusal('title,body\nA,B')).toMatch(/neither/)
    expect(await refusal('')).toMatch(/empty/)
  })
})
