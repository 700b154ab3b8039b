import { describe, expect, it } from 'vitest'
import { slugify } from '../../src/lib/slug'

describe('slugify', () => {
  it.each([
    ["Café à l'Hôtel", 'cafe-a-l-hotel'],
    ['L’œuvre d’un concierge', 'l-oeuvre-d-un-concierge'],
    ['  «Bienvenue»  chez nous ! ', 'bienvenue-chez-nous'],
    ['Ça, c’est Noël', 'ca-c-est-noel'],
  ])('%s → %s', (title, slug) => {
    expect(slugify(title)).toBe(slug)
  })
})
