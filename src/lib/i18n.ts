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
  goHome: 'Go to the home page',
  postNavigation: 'More posts',
  footerPowered: 'Published at the edge. No cookies, no trackers.',
  privacy: 'Privacy',
  notes: 'Notes',
  notesHeading: 'Notes: links worth reading',
  readAt: (host: string) => `Read at ${host}`,
  source: 'Source:',
  mainNavigation: 'Main',
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
  goHome: 'Retour à l’accueil',
  postNavigation: 'Autres articles',
  footerPowered: 'Publié en périphérie du réseau. Ni cookie, ni traceur.',
  privacy: 'Confidentialité',
  notes: 'Notes',
  notesHeading: 'Notes\u00a0: des liens à lire',
  readAt: (host: string) => `Lire sur ${host}`,
  source: 'Source\u00a0:',
  mainNavigation: 'Principale',
}

const MESSAGES: Record<Locale, Messages> = { en, fr }

export function messagesFor(locale: Locale): Messages {
  return MESSAGES[locale]
}
