import { beforeAll, describe, expect, it } from 'vitest'
import { cleanPastedHtml } from '../../../src/features/visual-editor/pasted-html'
import { createAuthorAndCategories, db, postInput } from '../../fixtures'
import { createPost } from '../../../src/features/posts/writes'
import { createEditor, logIn, request } from '../../admin-helpers'

const GOOGLE_DOCS =
  '<meta charset="utf-8"><b style="font-weight:normal;" id="docs-internal-guid-5a1f"><h2 dir="ltr" style="line-height:1.38;margin-top:18pt"><span style="font-size:16pt;font-family:Arial">Le petit-déjeuner</span></h2>' +
  '<p dir="ltr"><span style="font-weight:700;font-family:Arial">Pain</span><span style="font-family:Arial"> et </span><span style="font-style:italic">confiture</span><span>, </span><a href="https://example.org/" style="text-decoration:none"><span style="color:#1155cc">la source</span></a></p>' +
  '<ul style="margin:0"><li dir="ltr" style="list-style-type:disc"><p dir="ltr"><span>Café</span></p></li><li><p><span>Thé</span></p></li></ul></b>'

const WORD = `<html xmlns:o="urn:schemas-microsoft-com:office:office"><head><style>p.MsoNormal{margin:0}</style></head><body lang=FR>
<p class=MsoNormal>Intro <b>gras</b> et <i>italique</i><o:p></o:p></p>
<p class=MsoListParagraphCxSpFirst style='text-indent:-18.0pt;mso-list:l0 level1 lfo1'><![if !supportLists]><span style='font-family:Symbol'>·<span style='font:7.0pt "Times New Roman"'>&nbsp;&nbsp; </span></span><![endif]>Premier<o:p></o:p></p>
<p class=MsoListParagraphCxSpLast style='text-indent:-18.0pt;mso-list:l0 level1 lfo1'><![if !supportLists]><span style='font-family:Symbol'>·<span>&nbsp;</span></span><![endif]>Second<o:p></o:p></p>
<p class=MsoNormal>Entre deux</p>
<p class=MsoListParagraph style='mso-list:l1 level1 lfo2'><![if !supportLists]><span>1.<span>&nbsp;</span></span><![endif]>Un<o:p></o:p></p>
<p class=MsoListParagraph style='mso-list:l1 level1 lfo2'><![if !supportLists]><span>2.<span>&nbsp;</span></span><![endif]>Deux<o:p></o:p></p>
<table class=MsoTableGrid border=1 style='border-collapse:collapse'><tr><td width=200 style='width:100pt'><p class=MsoNormal><b>A</b></p></td><td><p class=MsoNormal>B</p></td></tr></table>
</body></html>`

/** Word's nested list: levels 1, 2, 2, 3, 1, then numbers at level 2 under a bullet. */
const WORD_NESTED = [
  [1, '·', 'Chambres'],
  [2, 'o', 'Vue mer'],
  [2, 'o', '<i>Vue jardin</i>'],
  [3, '§', 'Rez-de-chaussée'],
  [1, '·', 'Suites'],
  [2, 'a.', 'Junior'],
  [2, 'b.', 'Senior'],
]
  .map(
    ([level, marker, text]) =>
      `<p class=MsoListParagraphCxSpMiddle style='margin-left:${36 * Number(level)}pt;text-indent:-18.0pt;mso-list:l0 level${level} lfo1'><![if !supportLists]><span>${marker}<span>&nbsp;</span></span><![endif]>${text}<o:p></o:p></p>`,
  )
  .join('\n')

const HOSTILE =
  '<h3 onclick="alert(1)">Titre</h3><p style="position:fixed" class="evil">Texte <a href="javascript:alert(1)">piège</a></p>' +
  '<script>alert(1)</script><img src="x" onerror="alert(1)"><iframe src="https://example.org/"></iframe>' +
  '<svg onload="alert(1)"></svg><form action="/x"><input name="a"></form><style>body{display:none}</style>'

describe('rich text pasted into the visual editor', () => {
  it('keeps the headings, emphasis, links and lists of a Google Docs fragment, without its styles', () => {
    expect(cleanPastedHtml(GOOGLE_DOCS)).toBe(
      '<h2>Le petit-déjeuner</h2><p><strong>Pain</strong> et <em>confiture</em>, <a href="https://example.org/" rel="noopener noreferrer">la source</a></p><ul><li><p>Café</p></li><li><p>Thé</p></li></ul>',
    )
  })

  it('makes real lists of Word’s list paragraphs and keeps its emphasis and tables', () => {
    const html = cleanPastedHtml(WORD).replace(/\s*\n\s*/g, '')
    expect(html).toBe(
      '<p>Intro <strong>gras</strong> et <em>italique</em></p><ul><li>Premier</li><li>Second</li></ul><p>Entre deux</p><ol><li>Un</li><li>Deux</li></ol><table><tbody><tr><td><p><strong>A</strong></p></td><td><p>B</p></td></tr></tbody></table>',
    )
  })

  it('nests Word’s list levels, bullets and numbers alike', () => {
    const html = cleanPastedHtml(`<p class=MsoNormal>Avant</p>\n${WORD_NESTED}\n<p>Après</p>`)
    expect(html.replace(/\s*\n\s*/g, '')).toBe(
      '<p>Avant</p><ul><li>Chambres<ul><li>Vue mer</li><li><em>Vue jardin</em><ul><li>Rez-de-chaussée</li></ul></li></ul></li>' +
        '<li>Suites<ol><li>Junior</li><li>Senior</li></ol></li></ul><p>Après</p>',
    )
  })

  it('drops scripts, frames, forms, styles, handlers, classes, images and javascript: links', () => {
    expect(cleanPastedHtml(HOSTILE)).toBe('<h3>Titre</h3><p>Texte <a href="">piège</a></p>')
  })
})

describe('POST /admin/editor/clean-html', () => {
  let cookie: string
  beforeAll(async () => {
    await createEditor('paste@blog.example')
    cookie = await logIn('paste@blog.example')
  })

  it('answers an editor with the cleaned fragment', async () => {
    const response = await request('/admin/editor/clean-html', { cookie, form: { html: HOSTILE } })
    expect(response.status).toBe(200)
    expect(response.headers.get('Cache-Control')).toContain('no-store')
    expect(await response.text()).toBe('<h3>Titre</h3><p>Texte <a href="">piège</a></p>')
  })

  it('answers no one else', async () => {
    const response = await request('/admin/editor/clean-html', { form: { html: '<p>x</p>' } })
    expect(response.status).not.toBe(200)
    expect(await response.text()).not.toBe('<p>x</p>')
  })
})

describe('where the editor is loaded', () => {
  it('is on the post editor and the note form, and on no reader page', async () => {
    const { author } = await createAuthorAndCategories()
    await createPost(db, postInput({ slug: 'lu-par-tous', authorId: author.id }))
    await createEditor('where@blog.example')
    const cookie = await logIn('where@blog.example')
    for (const path of ['/admin/posts/new', '/admin/notes']) {
      const html = await (await request(path, { cookie })).text()
      expect(html, path).toMatch(/<script src="\/js\/visual-editor\.[0-9a-f]{8}\.js"/)
    }
    for (const path of ['/', '/posts/lu-par-tous', '/search?q=pain', '/categories', '/privacy']) {
      const html = await (await request(path)).text()
      expect(html, path).not.toContain('visual-editor')
    }
  })
})
