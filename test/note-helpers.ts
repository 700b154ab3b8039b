import type { createAuthorAndCategories } from './fixtures'

type Ids = Awaited<ReturnType<typeof createAuthorAndCategories>>

/** A complete note form, published now in the Notes category; `overrides` change any field. */
export function noteForm(ids: Ids, overrides: Record<string, string | string[]> = {}) {
  return {
    sourceUrl: 'https://www.lemonde.fr/economie/article/2024/01/15/hotellerie.html',
    title: 'L’hôtellerie de marque',
    quote: 'Les groupes hôteliers misent sur l’expérience.\n\nEt sur le « fait maison ».',
    comment: 'À lire pour le **chiffre** du jour.',
    siteName: 'Le Monde',
    sourcePublishedAt: '2024-01-15T08:30:00+01:00',
    categoryIds: [String(ids.notes.id)],
    newCategory: '',
    language: 'fr',
    authorId: String(ids.author.id),
    publishDate: '',
    publishTime: '',
    timeZone: 'Europe/Paris',
    intent: 'publish',
    ...overrides,
  }
}
