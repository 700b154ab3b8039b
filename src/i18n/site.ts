export const LOCALES = ['en', 'fr'] as const
export type Locale = (typeof LOCALES)[number]

export function toLocale(value: string | undefined): Locale {
  return value === 'fr' ? 'fr' : 'en'
}

const en = {
  by: 'By',
  categories: 'Categories:',
  loadMore: 'Load More Posts',
  loading: 'Loading…',
  morePostsLoaded: (count: number) =>
    count === 1 ? '1 more post loaded' : `${count} more posts loaded`,
  noMorePosts: 'You have reached the end.',
  noPosts: 'Nothing published yet.',
  latestPosts: 'Latest posts',
  backToLatest: '← Latest posts',
  categoryHeading: (name: string) => `Category: ${name}`,
  authorHeading: (name: string) => `Posts by ${name}`,
  previousPost: 'Previous post',
  nextPost: 'Next post',
  olderPosts: 'Older posts',
  home: 'Home',
  skipToContent: 'Skip to content',
  notFoundTitle: 'Page not found',
  notFoundBody: 'There is no page at this address. It may have moved, or never existed.',
  badRequestTitle: 'Invalid request',
  badCursorBody:
    'This “load more” link is broken or was changed. Start again from the latest posts.',
  errorTitle: 'Something went wrong',
  errorBody: 'An unexpected error occurred on our side. Please try again in a moment.',
  unavailableTitle: 'Back in a moment',
  unavailableBody: 'This page cannot be shown right now. Please try again in a few seconds.',
  goHome: 'Go to the home page',
  postNavigation: 'More posts',
  footerPowered: 'Published at the edge. No cookies, no trackers.',
  privacy: 'Privacy',
  notes: 'Notes',
  notesHeading: 'Notes: links worth reading',
  readAt: (host: string) => `Read at ${host}`,
  source: 'Source:',
  siteNavigation: 'Site',
  footerNavigation: 'Footer',
  navCategories: 'Categories',
  navSearch: 'Search',
  navFeed: 'Feed',
  allCategories: 'Categories',
  categoriesIntro: 'Every subject on this blog, with how many posts it has.',
  postCount: (count: number) => (count === 1 ? '1 post' : `${count} posts`),
  noCategories: 'No category has a post yet.',
  topCategories: 'Most used',
  categoriesAtoZ: 'All categories, A to Z',
  moreCategories: 'More categories →',
  categoryFeedTitle: (name: string) => `Category: ${name}`,
  authorFeedTitle: (name: string) => `Posts by ${name}`,
  categoryDescription: (name: string, site: string) => `Every post in ${name}, on ${site}.`,
  authorDescription: (name: string, site: string) => `Every post by ${name}, on ${site}.`,
  searchTitle: 'Search',
  searchResultsTitle: (query: string) => `Search: ${query}`,
  searchLabel: 'Search the posts',
  searchButton: 'Search',
  searchHint: 'Words from a title or a post; accents and capitals do not matter.',
  searchDescription: 'Search every post on this blog.',
  searchCount: (count: number, more: boolean) =>
    count === 0
      ? 'No results.'
      : more
        ? `The ${count} best results (there are more: add a word to narrow them).`
        : count === 1
          ? '1 result.'
          : `${count} results.`,
  searchNothing: 'No post matches these words. Try fewer or shorter words.',
}

export type Messages = typeof en

const fr: Messages = {
  by: 'Par',
  categories: 'Catégories\u00a0:',
  loadMore: 'Plus d’articles',
  loading: 'Chargement…',
  morePostsLoaded: (count: number) =>
    count === 1 ? '1 article de plus chargé' : `${count} articles de plus chargés`,
  noMorePosts: 'Vous êtes arrivé au bout.',
  noPosts: 'Rien n’est encore publié.',
  latestPosts: 'Derniers articles',
  backToLatest: '← Derniers articles',
  categoryHeading: (name: string) => `Catégorie\u00a0: ${name}`,
  authorHeading: (name: string) => `Articles de ${name}`,
  previousPost: 'Article précédent',
  nextPost: 'Article suivant',
  olderPosts: 'Articles plus anciens',
  home: 'Accueil',
  skipToContent: 'Aller au contenu',
  notFoundTitle: 'Page introuvable',
  notFoundBody: 'Aucune page à cette adresse. Elle a peut-être été déplacée, ou n’a jamais existé.',
  badRequestTitle: 'Requête invalide',
  badCursorBody:
    'Ce lien «\u00a0plus d’articles\u00a0» est cassé ou a été modifié. Reprenez depuis les derniers articles.',
  errorTitle: 'Une erreur est survenue',
  errorBody: 'Une erreur inattendue s’est produite de notre côté. Réessayez dans un instant.',
  unavailableTitle: 'De retour dans un instant',
  unavailableBody:
    'Cette page ne peut pas s’afficher pour le moment. Réessayez dans quelques secondes.',
  goHome: 'Retour à l’accueil',
  postNavigation: 'Autres articles',
  footerPowered: 'Publié en périphérie du réseau. Ni cookie, ni traceur.',
  privacy: 'Confidentialité',
  notes: 'Notes',
  notesHeading: 'Notes\u00a0: des liens à lire',
  readAt: (host: string) => `Lire sur ${host}`,
  source: 'Source\u00a0:',
  siteNavigation: 'Site',
  footerNavigation: 'Pied de page',
  navCategories: 'Catégories',
  navSearch: 'Recherche',
  navFeed: 'Flux',
  allCategories: 'Catégories',
  categoriesIntro: 'Tous les sujets de ce blog, avec leur nombre d’articles.',
  postCount: (count: number) => (count <= 1 ? `${count} article` : `${count} articles`),
  noCategories: 'Aucune catégorie n’a encore d’article.',
  topCategories: 'Les plus utilisées',
  categoriesAtoZ: 'Toutes les catégories, de A à Z',
  moreCategories: 'Plus de catégories →',
  categoryFeedTitle: (name: string) => `Catégorie\u00a0: ${name}`,
  authorFeedTitle: (name: string) => `Articles de ${name}`,
  categoryDescription: (name: string, site: string) =>
    `Tous les articles de la catégorie ${name}, sur ${site}.`,
  authorDescription: (name: string, site: string) => `Tous les articles de ${name}, sur ${site}.`,
  searchTitle: 'Recherche',
  searchResultsTitle: (query: string) => `Recherche\u00a0: ${query}`,
  searchLabel: 'Chercher dans les articles',
  searchButton: 'Chercher',
  searchHint: 'Des mots d’un titre ou d’un article\u00a0; accents et majuscules sont indifférents.',
  searchDescription: 'Chercher dans tous les articles de ce blog.',
  searchCount: (count: number, more: boolean) =>
    count === 0
      ? 'Aucun résultat.'
      : more
        ? `Les ${count} meilleurs résultats (il y en a d’autres\u00a0: ajoutez un mot pour préciser).`
        : count === 1
          ? '1 résultat.'
          : `${count} résultats.`,
  searchNothing:
    'Aucun article ne contient ces mots. Essayez des mots moins nombreux ou plus courts.',
}

const MESSAGES: Record<Locale, Messages> = { en, fr }

export function messagesFor(locale: Locale): Messages {
  return MESSAGES[locale]
}
