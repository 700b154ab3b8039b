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
