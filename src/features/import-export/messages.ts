import type { Locale } from '../../i18n/site'

const en = {
  title: 'Import and export',
  importHeading: 'Bring your blog',
  importHelp:
    'A WordPress export (Tools → Export, .xml), a Ghost export (Settings → Labs → Export, .json) or an archive exported from this blog (.zip). A dry run comes first: nothing is written until you confirm.',
  file: 'Export file',
  fileRequired: 'Choose the export file to import.',
  fileTooLarge: (mb: number) =>
    `The file may be at most ${mb} MB; use npm run import for larger ones.`,
  check: 'Check (dry run)',
  runForReal: 'Import now',
  exportHeading: 'Take everything with you',
  exportHelp:
    'One zip with every post as Markdown, authors, categories, old-address redirects and images. No accounts, sessions or audience figures.',
  download: 'Download the archive',
  downloadWithCommentEmails: 'Download, with the emails of commenters who asked to hear of replies',
  progress: 'Progress',
  running: 'Working… this page refreshes by itself.',
  dryRunDone: 'Dry run finished: nothing was written. Here is what the import would do.',
  done: 'Import finished.',
  failed: 'The import stopped:',
  counts: 'Counts',
  kind: 'Kind',
  created: 'new',
  updated: 'updated',
  unchanged: 'unchanged',
  failedCount: 'failed',
  changed: 'Changed',
  skipped: 'Skipped',
  notes: 'Notes',
  ownerOnly: 'Only the owner can import or export the blog.',
  stoppedHeading: 'Imports that stopped',
  stoppedHelp:
    'Retry starts the import again from its file; Cancel drops it. What it already wrote stays.',
  dryRun: 'dry run',
  stuckSince: (when: string) => `Stuck: no progress since ${when}.`,
  retrying: 'A step failed and is being tried again:',
  retry: 'Retry',
  cancel: 'Cancel',
  cancelled: 'This import was cancelled.',
  notStopped: 'This import has not stopped: it is still moving, or it is over.',
  over: 'This import is over already.',
}

const fr: typeof en = {
  title: 'Importer et exporter',
  importHeading: 'Apportez votre blog',
  importHelp:
    'Un export WordPress (Outils → Exporter, .xml), un export Ghost (Settings → Labs → Export, .json) ou une archive exportée de ce blog (.zip). Un essai vient d’abord : rien n’est écrit avant votre confirmation.',
  file: 'Fichier d’export',
  fileRequired: 'Choisissez le fichier d’export à importer.',
  fileTooLarge: (mb: number) =>
    `Le fichier ne peut dépasser ${mb} Mo ; utilisez npm run import pour les plus gros.`,
  check: 'Vérifier (essai)',
  runForReal: 'Importer maintenant',
  exportHeading: 'Tout emporter',
  exportHelp:
    'Un zip avec chaque billet en Markdown, les auteurs, les catégories, les redirections des anciennes adresses et les images. Ni comptes, ni sessions, ni mesures d’audience.',
  download: 'Télécharger l’archive',
  downloadWithCommentEmails:
    'Télécharger, avec les courriels des commentateurs qui veulent être prévenus des réponses',
  progress: 'Avancement',
  running: 'En cours… cette page se met à jour toute seule.',
  dryRunDone: 'Essai terminé : rien n’a été écrit. Voici ce que l’import ferait.',
  done: 'Import terminé.',
  failed: 'L’import s’est arrêté :',
  counts: 'Totaux',
  kind: 'Type',
  created: 'nouveaux',
  updated: 'mis à jour',
  unchanged: 'inchangés',
  failedCount: 'en échec',
  changed: 'Modifiés',
  skipped: 'Ignorés',
  notes: 'Remarques',
  ownerOnly: 'Seul le propriétaire peut importer ou exporter le blog.',
  stoppedHeading: 'Imports arrêtés',
  stoppedHelp:
    'Réessayer relance l’import depuis son fichier ; Annuler l’abandonne. Ce qu’il a déjà écrit reste.',
  dryRun: 'essai',
  stuckSince: (when: string) => `Bloqué : aucun progrès depuis le ${when}.`,
  retrying: 'Une étape a échoué, elle est retentée :',
  retry: 'Réessayer',
  cancel: 'Annuler',
  cancelled: 'Cet import a été annulé.',
  notStopped: 'Cet import ne s’est pas arrêté : il avance encore, ou il est terminé.',
  over: 'Cet import est déjà terminé.',
}

export type ImportMessages = typeof en

export function importMessagesFor(locale: Locale): ImportMessages {
  return locale === 'fr' ? fr : en
}
