import { describe, expect, it } from 'vitest'
import { renderMarkdown } from '../../src/lib/markdown'
import { frenchSpacing, typeset } from '../../src/lib/typography'

const NNBSP = '\u202f'

describe('French typography', () => {
  it('puts a narrow no-break space before ; : ! ? » and after «', () => {
    expect(frenchSpacing('Bonjour : « oui » ! Vraiment ? Oui ; non.')).toBe(
      `Bonjour${NNBSP}: «${NNBSP}oui${NNBSP}»${NNBSP}! Vraiment${NNBSP}? Oui${NNBSP}; non.`,
    )
  })

  it('leaves times, URLs and English alone', () => {
    expect(frenchSpacing('À 10:30, voir https://exemple.fr/a?b=c')).toBe(
      'À 10:30, voir https://exemple.fr/a?b=c',
    )
    expect(typeset('Note : this', 'en')).toBe('Note : this')
  })

  it('sets French posts’ bodies, but never code', () => {
    const html = renderMarkdown('Le menu : « pain » !\n\n`a : b`\n\n    x : y', 'fr')
    expect(html).toContain(`<p>Le menu${NNBSP}: «${NNBSP}pain${NNBSP}»${NNBSP}!</p>`)
    expect(html).toContain('<code>a : b</code>')
    expect(html).toContain('x : y')
    expect(renderMarkdown('Le menu : pain', 'en')).toContain('Le menu : pain')
  })
})

describe('smart punctuation', () => {
  it('curls quotes and apostrophes and sets dashes and ellipses in titles and excerpts', () => {
    expect(typeset('"Home" -- it\'s here --- wait...', 'en')).toBe('“Home” – it’s here — wait…')
    expect(typeset('Il dit "bonjour" : l\'été', 'fr')).toBe(
      `Il dit «${NNBSP}bonjour${NNBSP}»${NNBSP}: l’été`,
    )
    expect(typeset('1 < 2 & "3"', 'en')).toBe('1 < 2 & “3”')
  })

  it('curls bodies in both languages, but never inside code', () => {
    const markdown = 'He said "yes" -- it\'s *"done"*...\n\n`"a" -- b`\n\n```\n"x" -- y\n```'
    const english = renderMarkdown(markdown, 'en')
    expect(english).toContain(
      '<p>He said &#8220;yes&#8221; &#8211; it&#8217;s <em>&#8220;done&#8221;</em>&#8230;</p>',
    )
    expect(english).toContain('<code>"a" -- b</code>')
    expect(english).toContain('"x" -- y')
    expect(renderMarkdown('Il dit "oui"', 'fr')).toContain(`<p>Il dit «${NNBSP}oui${NNBSP}»</p>`)
    expect(renderMarkdown('[a](/b "t\'s")', 'en')).toContain('title="t')
  })
})
