import type { Locale } from '../../i18n/site'

const en = {
  // The owner's controls on /admin/users.
  inviteTitle: 'Invite an editor',
  inviteHelp:
    'They get a link to choose their name and password. It works once, for 7 days, and you can revoke it until then.',
  invite: 'Invite',
  pendingInvitations: 'Pending invitations',
  expires: 'Expires',
  revoke: 'Revoke',
  recoveryLink: 'Recovery link',
  invitationMade: (email: string) =>
    `Invitation for ${email}: copy this link and send it to them. It works once, for 7 days.`,
  recoveryMade: (email: string) =>
    `Recovery link for ${email}: copy it and send it to them. It works once, for 24 hours; using it ends their other sessions.`,
  linkLabel: 'Link to copy',
  mailedTo: (email: string) => `It was also emailed to ${email}.`,
  keptInOutbox: 'Kept in the local outbox (/admin/outbox): nothing leaves this machine.',
  mailUnavailable: 'Email is not set up on this blog (no EMAIL binding): send the link yourself.',
  mailFailed: 'The email could not be sent: send the link yourself.',
  emailUnsendable: 'Enter a plain address such as name@example.org.',
  // Following an invitation.
  joinTitle: (site: string) => `Join ${site}`,
  joinIntro: (email: string, role: string) =>
    `You are invited as ${role.toLowerCase()}, with ${email}. Choose the name other editors will see, and a password.`,
  name: 'Your name',
  password: 'Password',
  repeatPassword: 'Password again',
  join: 'Join',
  // Recovering.
  forgotTitle: 'Recover your account',
  forgotIntro:
    'Enter the address of your editor account. We will email you a link to set a new password: it works once, for an hour.',
  sendLink: 'Send me a link',
  forgotSent: (email: string) =>
    `If an editor account uses ${email}, a link to set a new password is on its way. It works once, for an hour.`,
  forgotNoMail:
    'This blog cannot send email. Ask its owner for a recovery link: they make one from the Editors page.',
  backToLogin: 'Back to the login form',
  recoverTitle: 'Set a new password',
  recoverIntro: (email: string) =>
    `For ${email}. Your other sessions will end, and you will be signed in here.`,
  saveAndSignIn: 'Save and sign in',
  // Links that no longer work.
  gone: {
    invitationUsed: [
      'This invitation has already been used',
      'Each invitation link works once. If you used it, log in with the password you chose.',
    ],
    invitationExpired: [
      'This invitation has expired',
      'Invitation links work for 7 days. Ask the owner of the blog for a new one.',
    ],
    invitationRevoked: [
      'This invitation was revoked',
      'The owner of the blog withdrew this link. Ask them for a new one if you still need it.',
    ],
    emailTaken: [
      'An account already uses this address',
      'Log in with it, or recover it from the login form if you lost its password.',
    ],
    recoveryUsed: [
      'This recovery link has already been used',
      'Each recovery link works once. Ask for a new one from the login form.',
    ],
    recoveryExpired: [
      'This recovery link has expired',
      'Recovery links work for a limited time. Ask for a new one from the login form.',
    ],
    accountDisabled: ['This account is disabled', 'Ask the owner of the blog to enable it again.'],
  } as Record<string, [string, string]>,
  // The messages.
  invitationSubject: (site: string) => `Your invitation to ${site}`,
  invitationMail: (p: {
    site: string
    inviter: string
    role: string
    link: string
    until: string
  }) => [
    'Hello,',
    '',
    `${p.inviter} invites you to write on ${p.site}, as ${p.role.toLowerCase()}.`,
    '',
    'To accept, open this link and choose your name and a password:',
    p.link,
    '',
    `The link works once, until ${p.until}. If you did not expect this invitation, ignore this message.`,
  ],
  acceptInvitation: 'Accept the invitation',
  recoverySubject: (site: string) => `Recover your account on ${site}`,
  recoveryMail: (p: { site: string; name: string; email: string; link: string; until: string }) => [
    `Hello ${p.name},`,
    '',
    `Someone, hopefully you, asked to recover the editor account ${p.email} on ${p.site}. To set a new password, open this link:`,
    p.link,
    '',
    `It works once, until ${p.until}, and ends your other sessions. If you did not ask, ignore this message: nothing changes.`,
  ],
  setNewPassword: 'Set a new password',
}

export type AccountLinkMessages = typeof en

const fr: AccountLinkMessages = {
  inviteTitle: 'Inviter un rédacteur',
  inviteHelp:
    'La personne reçoit un lien pour choisir son nom et son mot de passe. Il sert une fois, pendant 7 jours, et vous pouvez le retirer d’ici là.',
  invite: 'Inviter',
  pendingInvitations: 'Invitations en attente',
  expires: 'Expire le',
  revoke: 'Retirer',
  recoveryLink: 'Lien de récupération',
  invitationMade: (email) =>
    `Invitation pour ${email} : copiez ce lien et envoyez-le-lui. Il sert une fois, pendant 7 jours.`,
  recoveryMade: (email) =>
    `Lien de récupération pour ${email} : copiez-le et envoyez-le-lui. Il sert une fois, pendant 24 heures ; l’utiliser ferme ses autres sessions.`,
  linkLabel: 'Lien à copier',
  mailedTo: (email) => `Il a aussi été envoyé par e-mail à ${email}.`,
  keptInOutbox:
    'Gardé dans la boîte d’envoi locale (/admin/outbox) : rien ne quitte cette machine.',
  mailUnavailable:
    'L’envoi d’e-mails n’est pas configuré sur ce blog (pas de liaison EMAIL) : envoyez le lien vous-même.',
  mailFailed: 'L’e-mail n’a pas pu partir : envoyez le lien vous-même.',
  emailUnsendable: 'Saisissez une adresse simple, comme nom@exemple.fr.',
  joinTitle: (site) => `Rejoindre ${site}`,
  joinIntro: (email, role) =>
    `Vous êtes invité comme ${role.toLowerCase()}, avec ${email}. Choisissez le nom que verront les autres rédacteurs, et un mot de passe.`,
  name: 'Votre nom',
  password: 'Mot de passe',
  repeatPassword: 'Mot de passe, à nouveau',
  join: 'Rejoindre',
  forgotTitle: 'Récupérer votre compte',
  forgotIntro:
    'Saisissez l’adresse de votre compte de rédacteur. Nous vous enverrons un lien pour choisir un nouveau mot de passe : il sert une fois, pendant une heure.',
  sendLink: 'M’envoyer un lien',
  forgotSent: (email) =>
    `Si un compte de rédacteur utilise ${email}, un lien pour choisir un nouveau mot de passe est en route. Il sert une fois, pendant une heure.`,
  forgotNoMail:
    'Ce blog ne peut pas envoyer d’e-mails. Demandez un lien de récupération à son propriétaire : il le crée depuis la page Rédacteurs.',
  backToLogin: 'Retour à la connexion',
  recoverTitle: 'Choisir un nouveau mot de passe',
  recoverIntro: (email) =>
    `Pour ${email}. Vos autres sessions seront fermées, et vous serez connecté ici.`,
  saveAndSignIn: 'Enregistrer et se connecter',
  gone: {
    invitationUsed: [
      'Cette invitation a déjà servi',
      'Chaque lien d’invitation sert une fois. Si vous l’avez utilisé, connectez-vous avec le mot de passe choisi.',
    ],
    invitationExpired: [
      'Cette invitation a expiré',
      'Les liens d’invitation servent 7 jours. Demandez-en un nouveau au propriétaire du blog.',
    ],
    invitationRevoked: [
      'Cette invitation a été retirée',
      'Le propriétaire du blog a retiré ce lien. Demandez-lui-en un nouveau si besoin.',
    ],
    emailTaken: [
      'Un compte utilise déjà cette adresse',
      'Connectez-vous avec, ou récupérez-le depuis la page de connexion si vous avez perdu son mot de passe.',
    ],
    recoveryUsed: [
      'Ce lien de récupération a déjà servi',
      'Chaque lien de récupération sert une fois. Demandez-en un nouveau depuis la page de connexion.',
    ],
    recoveryExpired: [
      'Ce lien de récupération a expiré',
      'Les liens de récupération servent peu de temps. Demandez-en un nouveau depuis la page de connexion.',
    ],
    accountDisabled: [
      'Ce compte est désactivé',
      'Demandez au propriétaire du blog de le réactiver.',
    ],
  },
  invitationSubject: (site) => `Votre invitation à ${site}`,
  invitationMail: (p) => [
    'Bonjour,',
    '',
    `${p.inviter} vous invite à écrire sur ${p.site}, comme ${p.role.toLowerCase()}.`,
    '',
    'Pour accepter, ouvrez ce lien et choisissez votre nom et un mot de passe :',
    p.link,
    '',
    `Le lien sert une fois, jusqu’au ${p.until}. Si vous n’attendiez pas cette invitation, ignorez ce message.`,
  ],
  acceptInvitation: 'Accepter l’invitation',
  recoverySubject: (site) => `Récupérer votre compte sur ${site}`,
  recoveryMail: (p) => [
    `Bonjour ${p.name},`,
    '',
    `Quelqu’un, vous sans doute, a demandé à récupérer le compte de rédacteur ${p.email} sur ${p.site}. Pour choisir un nouveau mot de passe, ouvrez ce lien :`,
    p.link,
    '',
    `Il sert une fois, jusqu’au ${p.until}, et ferme vos autres sessions. Si vous n’avez rien demandé, ignorez ce message : rien ne change.`,
  ],
  setNewPassword: 'Choisir un nouveau mot de passe',
}

export function accountLinkMessagesFor(locale: Locale): AccountLinkMessages {
  return locale === 'fr' ? fr : en
}
