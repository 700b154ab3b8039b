import { beforeAll, describe, expect, it } from 'vitest'
import { navigationMenus } from '../../../src/db/schema'
import { createEditor, logIn } from '../../admin-helpers'
import { createAuthorAndCategories, createPublishedPosts, db } from '../../fixtures'
import { settingsForm, visit } from '../../site-helpers'

let owner: string
let editor: string

beforeAll(async () => {
  const ids = await createAuthorAndCategories()
  await createPublishedPosts(3, ids.author.id, [ids.essays.id])
  await createEditor('owner@blog.example', 'owner')
  await createEditor('writer@blog.example', 'editor')
  owner = await logIn('owner@blog.example')
  editor = await logIn('writer@blog.example')
})

/** The header's (or footer's) links as `label → href`, current one starred, nesting by "  ". */
function menu(html: string, which: 'site-nav' | 'footer-nav' = 'site-nav') {
  const nav = new RegExp(`<nav class="${which}"[^>]*>([\\s\\S]*?)</nav>`).exec(html)?.[1]
  if (!nav) return null
  const lines: string[] = []
  let depth = -1
  for (const token of nav.matchAll(
    /<(\/?)ul>|<a href="([^"]*)"( aria-current="page")?>([^<]*)<\/a>/g,
  )) {
    if (token[0] === '<ul>') depth++
    else if (token[0] === '</ul>') depth--
    else lines.push(`${'  '.repeat(depth)}${token[4]} → ${token[2]}${token[3] ? ' *' : ''}`)
  }
  return lines
}

/** An owner's form post (no JavaScript involved), which must be accepted. */
async function post(path: string, form: Record<string, string | string[]> = {}) {
  const result = await visit(path, { cookie: owner, form })
  expect(result.status, result.body.slice(0, 1500)).toBe(303)
  expect(result.response.headers.get('Location')).toBe(
    `/admin/navigation?saved#menu-${path.split('/')[3]}`,
  )
}

/** The admin page's ids of the links of a menu, in order, top level only. */
async function linkIds(which: 'header' | 'footer') {
  const { body } = await visit('/admin/navigation', { cookie: owner })
  const section = new RegExp(
    `<section id="menu-${which}"[\\s\\S]*?<form method="post" action="/admin/navigation/${which}/links" `,
  ).exec(body)![0]
  const top = section.replace(/<ol class="nav-links" data-parent[\s\S]*?<\/ol>/g, '')
  return [...top.matchAll(/<li data-id="([^"]+)"/g)].map((m) => m[1])
}

describe('the navigation', () => {
  it('is today’s for a site that never opened the page, the current section marked', async () => {
    expect(menu((await visit('/')).body)).toEqual([
      'Home → / *',
      'Notes → /notes',
      'Categories → /categories',
      'Search → /search',
      'Feed → /rss.xml',
    ])
    expect(menu((await visit('/categories/essais')).body)).toContain('Categories → /categories *')
    expect(menu((await visit('/notes')).body)).toContain('Notes → /notes *')
    expect(menu((await visit('/')).body, 'footer-nav')).toBeNull()
  })

  it('is the owner’s to edit: other editors get 403', async () => {
    expect((await visit('/admin/navigation', { cookie: editor })).status).toBe(403)
    const refused = await visit('/admin/navigation/header/links', {
      cookie: editor,
      form: { label: 'Intrus', address: '/intrus', parent: '' },
    })
    expect(refused.status).toBe(403)
    expect(await db.select().from(navigationMenus)).toEqual([])

    const page = await visit('/admin/navigation', { cookie: owner })
    expect(page.status).toBe(200)
    expect(page.body).toContain('<h2 id="menu-header-title">Header</h2>')
    expect(page.body).toContain('<h2 id="menu-footer-title">Footer</h2>')
    expect(page.body.match(/<button type="submit">Add link<\/button>/g)).toHaveLength(2)
    expect(page.body).toMatch(/<label>Label<input name="label"/)
    expect(page.body).toMatch(/<label>Address<input name="address"/)
  })

  it('adds, reorders and removes links with plain forms, cached pages following at once', async () => {
    await visit('/')
    expect((await visit('/')).cache).toBe('hit')

    await post('/admin/navigation/header/links', {
      label: 'À propos',
      address: '/à-propos',
      parent: '',
    })
    expect(menu((await visit('/')).body)).toEqual([
      'Home → / *',
      'Notes → /notes',
      'Categories → /categories',
      'Search → /search',
      'Feed → /rss.xml',
      'À propos → /%C3%A0-propos',
    ])

    const [home, , , search, , about] = await linkIds('header')
    await post(`/admin/navigation/header/links/${about}/move`, { direction: 'up' })
    await post(`/admin/navigation/header/links/${home}/move`, { direction: 'down' })
    await post(`/admin/navigation/header/links/${search}/remove`)
    expect(menu((await visit('/')).body)).toEqual([
      'Notes → /notes',
      'Home → / *',
      'Categories → /categories',
      'À propos → /%C3%A0-propos',
      'Feed → /rss.xml',
    ])

    // Moving the first link up changes nothing, and is no error.
    const [notes] = await linkIds('header')
    await post(`/admin/navigation/header/links/${notes}/move`, { direction: 'up' })
    expect(menu((await visit('/')).body)?.[0]).toBe('Notes → /notes')
  })

  it('nests one level, marks the most specific link, and edits a link in place', async () => {
    const categories = (await linkIds('header'))[2]
    await post('/admin/navigation/header/links', {
      label: 'Essais',
      address: '/categories/essais',
      parent: categories,
    })
    const page = menu((await visit('/categories/essais')).body)!
    expect(page).toContain('Categories → /categories')
    expect(page).toContain('  Essais → /categories/essais *')

    await post(`/admin/navigation/header/links/${categories}`, {
      label: 'Rubriques',
      address: '/categories',
    })
    expect(menu((await visit('/')).body)).toContain('Rubriques → /categories')
  })

  it('takes a new order for a whole list from the drag and drop script', async () => {
    const ids = await linkIds('header')
    await post('/admin/navigation/header/order', { parent: '', order: [...ids].reverse() })
    expect(await linkIds('header')).toEqual([...ids].reverse())
    // An order that is not exactly the list's links changes nothing.
    const stale = await visit('/admin/navigation/header/order', {
      cookie: owner,
      form: { parent: '', order: ids.slice(1) },
    })
    expect(stale.status).toBe(409)
    expect(await linkIds('header')).toEqual([...ids].reverse())
  })

  it('keeps a footer list of its own', async () => {
    await post('/admin/navigation/footer/links', {
      label: 'Mentions légales',
      address: '/mentions-legales',
      parent: '',
    })
    await post('/admin/navigation/footer/links', {
      label: 'Nous écrire',
      address: 'mailto:bonjour@blog.example',
      parent: '',
    })
    expect(menu((await visit('/')).body, 'footer-nav')).toEqual([
      'Mentions légales → /mentions-legales',
      'Nous écrire → mailto:bonjour@blog.example',
    ])
  })

  it('refuses what is not an address, and escapes what it shows', async () => {
    const typed = { label: 'Piège', address: 'javascript:alert(1)', parent: '' }
    const refused = await visit('/admin/navigation/header/links', { cookie: owner, form: typed })
    expect(refused.status).toBe(422)
    expect(refused.body).toContain('id="header-address-error"')
    expect(refused.body).toContain('value="javascript:alert(1)"')
    expect(refused.body).toContain('value="Piège"')
    for (const address of ['//evil.example/x', 'evil.example', 'data:text/html,x', '/a b'])
      expect(
        (
          await visit('/admin/navigation/header/links', {
            cookie: owner,
            form: { label: 'x', address, parent: '' },
          })
        ).status,
        address,
      ).toBe(422)
    const empty = await visit('/admin/navigation/footer/links', {
      cookie: owner,
      form: { label: ' ', address: '/x', parent: '' },
    })
    expect(empty.status).toBe(422)
    expect(empty.body).toContain('id="footer-label-error"')

    await post('/admin/navigation/header/links', {
      label: '<img src=x onerror=alert(1)>',
      address: '/x?a=1&b="2"',
      parent: '',
    })
    const { body } = await visit('/')
    expect(body).not.toContain('<img src=x')
    expect(body).toContain('&lt;img src=x onerror=alert(1)&gt;')
    expect(body).toContain('href="/x?a=1&amp;b=%222%22"')
  })

  it('keeps the links of old in the site’s language once the menu is edited', async () => {
    const header = menu((await visit('/')).body)!
    expect(header).toContain('Notes → /notes')
    expect(header.some((line) => line.startsWith('Home → /'))).toBe(true)
    const saved = await visit('/admin/settings', {
      cookie: owner,
      form: settingsForm({ language: 'fr', version: '0' }),
    })
    expect(saved.status).toBe(303)
    const french = menu((await visit('/')).body)!
    expect(french.some((line) => line.startsWith('Accueil → /'))).toBe(true)
    expect(french.some((line) => line.startsWith('Flux → /rss.xml'))).toBe(true)
    // A label the owner wrote stays theirs.
    expect(french).toContain('Rubriques → /categories')
  })
})
