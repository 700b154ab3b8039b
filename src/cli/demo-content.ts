/**
 * Demo content for a fresh local blog: brand hospitality, in French and English. Written for this
 * project. Dates run backwards from the day the demo is loaded, so the list always looks current.
 */
import type { Language, PostStatus } from '../db/schema'
import type { DemoScene } from './demo-images'

export const demoAuthors = [
  {
    slug: 'claire-dubois',
    name: 'Claire Dubois',
    bio: 'Ancienne cheffe de réception, elle écrit sur l’accueil.',
  },
  {
    slug: 'james-hart',
    name: 'James Hart',
    bio: 'Brand strategist for hotels, restaurants and small inns.',
  },
  {
    slug: 'ines-moreau',
    name: 'Inès Moreau',
    bio: 'Curatrice de lieux, de gestes et de petites attentions.',
  },
]

export const demoCategories = [
  { slug: 'essais', name: 'Essais' },
  { slug: 'notes', name: 'Notes' },
  { slug: 'hotels', name: 'Hôtels' },
  { slug: 'restaurants', name: 'Restaurants' },
  { slug: 'design', name: 'Design' },
  { slug: 'service', name: 'Service' },
]

export type DemoPost = {
  slug: string
  title: string
  language: Language
  author: string
  categories: string[]
  markdown: string
  excerpt?: string
  status?: PostStatus
  /** Days before the demo is loaded (negative: in the future). */
  daysAgo: number
}

const longEssay: DemoPost = {
  slug: 'the-lobby-is-the-brand',
  title: 'The Lobby Is the Brand: Notes Toward a Theory of Arrival',
  language: 'en',
  author: 'james-hart',
  categories: ['essais', 'hotels', 'design'],
  daysAgo: 1,
  excerpt:
    'Guests decide what a hotel is within ninety seconds of walking in. An essay on thresholds, the “second welcome”, and why the front desk is a stage.',
  markdown: `Guests decide what a hotel *is* within ninety seconds of walking in. Long before the room, the breakfast or the view, the lobby has already told them a story — and most lobbies tell the same one.

## The threshold

Every arrival has three beats: the door, the pause, the greeting. The door sets the temperature. The pause — the two or three seconds in which a guest looks for *where to go* — is where most brands lose the thread.

Good thresholds share a few traits:

- **A clear line of sight** to a human being, not to a screen.
- **A change of sound**: the street stops at the door.
- **Something to touch** — a worn brass handle, a linen-covered bench, a bowl of clementines in December.

> “Hospitality is making your guests feel at home, even if you wish they were.” — an old concierge joke, told at every front desk in Europe.

## The second welcome

The first welcome is scripted. The *second* — the one that happens when the guest comes back from dinner, damp from the rain — is the brand. It is the night porter who remembers the umbrella, the bar that kept the last table.

1. Train for the second welcome, not the first.
2. Give staff the authority to spend small amounts without asking.
3. Write down what guests loved, and read it at the morning briefing.

### A note on scent

Signature scents are the most abused tool in brand hospitality. If guests notice the scent, it is too strong; if they remember it three weeks later, it is right.

## What to measure

Occupancy and average rate tell you whether the business works. They say nothing about whether the *welcome* works. Count instead:

| Signal | Why it matters |
| --- | --- |
| Guests greeted by name on the second day | memory is the brand |
| Requests solved without a manager | trust in the team |
| Letters (real ones) received | the rarest review |

For further reading, the [Cornell Center for Hospitality Research](https://sha.cornell.edu/faculty-research/centers-institutes/chr/) publishes its studies openly, and the Musée des Arts Décoratifs in Paris keeps a [fine collection](https://madparis.fr/) of hotel silverware.

The lobby is not a corridor to the lifts. It is the first page of the story, and guests read it closely.`,
}

const frenchEssay: DemoPost = {
  slug: 'l-art-de-la-seconde-attention',
  title: 'L’art de la « seconde attention »',
  language: 'fr',
  author: 'claire-dubois',
  categories: ['essais', 'service'],
  daysAgo: 4,
  excerpt:
    'La première attention est prévue ; la seconde est remarquée. Réflexions d’une ancienne cheffe de réception sur ce qui fait revenir les clients.',
  markdown: `La première attention est prévue : le verre d’eau, la serviette chaude, le « bienvenue » prononcé avec le sourire. La *seconde* attention, elle, est remarquée.

## Ce qui ne s’écrit pas dans un manuel

Un client arrive tard, fatigué, un vendredi de novembre. Le veilleur de nuit a gardé une soupe au chaud. Personne ne l’a demandé ; personne ne l’a facturé. Ce geste coûte quelques euros et vaut des années de fidélité.

- Noter les préférences, **sans jamais les réciter** au client.
- Laisser l’équipe décider, sur place, d’un petit geste.
- Se souvenir d’un prénom, d’un anniversaire, d’une allergie.

> « L’hospitalité, c’est l’art de faire sentir à quelqu’un qu’il était attendu. »

## Le piège de l’uniformité

Les chaînes ont longtemps cru qu’un service identique partout rassurait. C’est vrai pour la literie ; c’est faux pour l’accueil. Un hôtel à Lyon ne doit pas saluer comme un hôtel à Lisbonne.

Pour aller plus loin, l’[Institut Paul Bocuse](https://www.institutpaulbocuse.com/) publie régulièrement sur ces questions.`,
}

const features: DemoPost[] = [
  {
    slug: 'cafe-a-l-hotel',
    title: 'Café à l’hôtel : pourquoi le petit-déjeuner compte double',
    language: 'fr',
    author: 'ines-moreau',
    categories: ['hotels', 'restaurants'],
    daysAgo: 2,
    markdown:
      'Le petit-déjeuner est le dernier souvenir d’un séjour. Un café tiède, un jus industriel, et c’est toute la nuit qu’on oublie. À l’inverse, une tartine de pain de campagne et une confiture maison rachètent bien des choses.\n\nNotre conseil : **servir le café à table**, dans une cafetière qui reste.',
  },
  {
    slug: 'designing-the-night-porter',
    title: 'Designing for the Night Porter',
    language: 'en',
    author: 'james-hart',
    categories: ['service', 'design'],
    daysAgo: 3,
    markdown:
      'Most hotel design serves the daytime guest. But the night porter meets people at their most tired and most honest. Give the desk a lamp, not a ceiling light; give the porter a chair that faces the door.\n\nSmall things, noticed at 2 a.m., become the stories guests tell.',
  },
  {
    slug: 'les-cles-en-laiton',
    title: 'Les clés en laiton reviennent',
    language: 'fr',
    author: 'ines-moreau',
    categories: ['notes', 'design'],
    daysAgo: 5,
    markdown:
      'Après vingt ans de cartes magnétiques, plusieurs maisons de Paris et de Bruxelles reviennent à la clé en laiton, lourde et bavarde. On la laisse à la réception en sortant : l’occasion d’un « bonne soirée » et d’un conseil de restaurant.',
  },
  {
    slug: 'menus-that-tell-a-story',
    title: 'Menus That Tell a Story (and Menus That Tell Too Much)',
    language: 'en',
    author: 'james-hart',
    categories: ['restaurants'],
    daysAgo: 6,
    markdown:
      'A menu is the restaurant’s voice on paper. The best ones name the farm once, not on every line. They leave room for the waiter to say something — which is, after all, the point of having one.',
  },
]

const notes: [string, string, Language, string, string[]][] = [
  [
    'bougies-et-bruit',
    'Bougies, bruit et « ambiance »',
    'fr',
    'Une salle trop calme intimide ; une salle trop bruyante épuise. Le bon niveau : on entend la table voisine rire, pas ses mots.',
    ['restaurants'],
  ],
  [
    'the-welcome-drink-problem',
    'The Welcome-Drink Problem',
    'en',
    'A glass of warm prosecco at check-in says “we had to”. A glass of cold water, offered before the passport, says “we noticed”.',
    ['service'],
  ],
  [
    'linge-de-maison',
    'Le linge de maison, premier argument',
    'fr',
    'Les clients ne retiennent pas le nombre de fils. Ils retiennent l’odeur d’un drap séché dehors, en été, à l’Île-de-Ré.',
    ['hotels'],
  ],
  [
    'handwritten-notes',
    'Handwritten Notes, Revisited',
    'en',
    'One line, in ink, signed with a first name. Anything longer reads as marketing.',
    ['service'],
  ],
  [
    'le-bar-d-hotel',
    'Le bar d’hôtel, salon de la ville',
    'fr',
    'Les meilleurs bars d’hôtel sont fréquentés par les habitants du quartier. C’est le seul label qui compte.',
    ['hotels', 'restaurants'],
  ],
  [
    'room-numbers',
    'On Room Numbers',
    'en',
    'Numbers painted by hand, at eye level, with the corridor light falling on them. Wayfinding is hospitality.',
    ['design'],
  ],
  [
    'cafe-creme',
    'Éloge du café crème',
    'fr',
    'Servi dans une tasse épaisse, avec un verre d’eau, au comptoir. Rien à ajouter.',
    ['restaurants'],
  ],
  [
    'quiet-luxury-noise',
    'Quiet Luxury Is Mostly About Noise',
    'en',
    'Soft-close drawers, carpeted corridors, doors that do not slam. Luxury you hear before you see.',
    ['design', 'hotels'],
  ],
  [
    'conciergerie',
    'La conciergerie n’est pas morte',
    'fr',
    'Elle a simplement changé d’outil : un carnet, un téléphone, et la mémoire de trente adresses qu’aucune application ne connaît.',
    ['service'],
  ],
  [
    'breakfast-until-noon',
    'Breakfast Until Noon',
    'en',
    'The cheapest luxury a hotel can offer. Late risers remember; early risers never notice.',
    ['hotels'],
  ],
  [
    'l-addition',
    'L’addition, dernier moment du repas',
    'fr',
    'On la présente quand on la demande, pas avant. Et on raccompagne jusqu’à la porte.',
    ['restaurants', 'service'],
  ],
  [
    'local-not-themed',
    'Local, Not Themed',
    'en',
    'A hotel in Marseille should feel like Marseille, not like a film set of Marseille.',
    ['design'],
  ],
  [
    'fleurs-de-saison',
    'Des fleurs de saison, ou rien',
    'fr',
    'Des pivoines en mai, des branches de cognassier en novembre. Les orchidées en plastique trahissent tout le reste.',
    ['design'],
  ],
  [
    'the-second-pillow',
    'The Second Pillow',
    'en',
    'Offer two, firm and soft, and say nothing. Menus of pillows are a solution looking for a problem.',
    ['hotels'],
  ],
  [
    'le-pain',
    'Le pain dit tout d’une table',
    'fr',
    'Un pain tiède, une croûte qui chante : le client a déjà décidé qu’il reviendrait.',
    ['restaurants'],
  ],
  [
    'check-out-time',
    'Check-Out Is a Welcome Too',
    'en',
    'The last thirty seconds decide the review. Ask about the trip home, not about the minibar.',
    ['service'],
  ],
  [
    'uniformes',
    'Des uniformes qu’on a envie de porter',
    'fr',
    'Un tablier en toile épaisse, une veste bien coupée : le personnel se tient autrement.',
    ['design', 'service'],
  ],
  [
    'rain-umbrellas',
    'Umbrellas by the Door',
    'en',
    'A stand of umbrellas, free to borrow, is the most photographed object in a good hotel lobby.',
    ['hotels'],
  ],
  [
    'menu-du-jour',
    'Le menu du jour, contrat de confiance',
    'fr',
    'Trois entrées, trois plats, trois desserts, écrits à la craie. Le client sait que tout est frais.',
    ['restaurants'],
  ],
  [
    'check-in-standing',
    'Check-In, Standing Up',
    'en',
    'Desks that separate guest and staff are disappearing. A standing table, side by side, changes the conversation.',
    ['design', 'service'],
  ],
  [
    'la-musique',
    'La musique d’un lieu',
    'fr',
    'Une playlist n’est pas une identité. Mieux vaut le silence qu’une bossa-nova d’ascenseur.',
    ['design'],
  ],
  [
    'staff-meals',
    'Staff Meals Are Brand Work',
    'en',
    'Teams that eat well together serve better. Every great restaurant knows it; few hotels budget for it.',
    ['service'],
  ],
  [
    'chambres-sans-tele',
    'Des chambres sans télévision ?',
    'fr',
    'Quelques maisons osent. Les clients lisent, dorment, parlent. Les avis mentionnent « le calme », jamais l’écran absent.',
    ['hotels'],
  ],
  [
    'tiny-hotels',
    'The Case for Tiny Hotels',
    'en',
    'Twelve rooms, one owner, no script. The most loyal guests in the industry stay at places you have never heard of.',
    ['hotels', 'essais'],
  ],
  [
    'le-sourire',
    'Le sourire ne s’impose pas',
    'fr',
    'On ne forme pas au sourire ; on recrute des gens qui aiment recevoir, et on les laisse faire.',
    ['service'],
  ],
  [
    'water-jugs',
    'Water, Unasked',
    'en',
    'A carafe on the table before the menu. Nothing signals care more cheaply.',
    ['restaurants'],
  ],
  [
    'les-escaliers',
    'L’escalier, pièce maîtresse',
    'fr',
    'Un bel escalier fait oublier l’ascenseur. Éclairé, tapissé, il invite à monter à pied.',
    ['design'],
  ],
  [
    'the-key-handover',
    'The Key Handover',
    'en',
    'Walk the guest to the lift. Three sentences on the way — the bar, the breakfast, the best window — do more than any brochure.',
    ['service'],
  ],
  [
    'terrasses',
    'Terrasses d’hiver',
    'fr',
    'Des plaids, des braseros, un vin chaud : la terrasse devient le lieu le plus couru de janvier.',
    ['restaurants'],
  ],
  [
    'signage',
    'Signage in Two Languages, Done Well',
    'en',
    'French first, English second, same type size. Guests forgive a missing translation, not a condescending one.',
    ['design'],
  ],
  [
    'petits-dejeuners-en-chambre',
    'Le plateau en chambre',
    'fr',
    'Un plateau en bois, une nappe, une fleur. Le room service redevient un plaisir, pas un dépannage.',
    ['hotels'],
  ],
  [
    'doormen',
    'In Praise of Doormen',
    'en',
    'The doorman is the brand’s first sentence. Hire for warmth; teach the rest.',
    ['service'],
  ],
  [
    'cartes-des-vins',
    'Une carte des vins courte',
    'fr',
    'Trente références bien choisies valent mieux que trois cents. Le sommelier peut enfin raconter.',
    ['restaurants'],
  ],
  [
    'reading-lights',
    'Reading Lights Matter',
    'en',
    'If a guest cannot read in bed, the room is not finished. Test every lamp with a paperback.',
    ['design', 'hotels'],
  ],
  [
    'la-memoire-client',
    'La mémoire du client',
    'fr',
    'Un fichier n’est utile que s’il sert à une attention. Sinon, c’est une base de données de plus.',
    ['service'],
  ],
  [
    'hotel-libraries',
    'Hotel Libraries',
    'en',
    'Books left by guests, sorted by a member of staff who loves them: the best-read shelf in town.',
    ['hotels'],
  ],
  [
    'la-vaisselle',
    'La vaisselle qui a une histoire',
    'fr',
    'Des assiettes de Gien, des verres de brocante : la table raconte la maison avant le premier plat.',
    ['restaurants', 'design'],
  ],
  [
    'late-check-in',
    'The Late Check-In Kit',
    'en',
    'A sandwich, a bottle of water, a note that says the kitchen opens at seven. Midnight guests are guests too.',
    ['service'],
  ],
  [
    'l-odeur-du-hall',
    'L’odeur du hall',
    'fr',
    'Cire, bois, café. Les meilleurs parfums d’hôtel n’ont jamais été achetés en flacon.',
    ['hotels', 'design'],
  ],
  [
    'seasonal-menus',
    'Four Menus a Year Is Not Seasonal',
    'en',
    'Seasonal means the menu changes when the market does — sometimes weekly, sometimes in the middle of service.',
    ['restaurants'],
  ],
  [
    'clients-habitues',
    'Les habitués',
    'fr',
    'Ils ont leur table, leur chambre, leur journal. Les perdre coûte plus cher que de les gâter.',
    ['service'],
  ],
  [
    'garden-rooms',
    'Rooms Onto a Garden',
    'en',
    'Even six square metres of green, seen from the bed, change how long guests stay.',
    ['hotels'],
  ],
  [
    'les-chaises',
    'Des chaises où l’on reste',
    'fr',
    'Une chaise inconfortable fait tourner les tables, et fuir les clients. Le calcul est vite fait.',
    ['restaurants', 'design'],
  ],
  [
    'noel-a-l-hotel',
    'Noël à l’hôtel, sans excès',
    'fr',
    'Un sapin, des oranges, des bougies. Les décorations qui clignotent n’ont jamais réchauffé personne.',
    ['hotels', 'notes'],
  ],
  [
    'apologies',
    'How to Apologise to a Guest',
    'en',
    'Say sorry once, fix it fast, and do not explain the system. Guests want the problem gone, not understood.',
    ['service'],
  ],
  [
    'des-livres-en-chambre',
    'Des livres en chambre',
    'fr',
    'Trois livres choisis pour la région : un guide, un roman, un recueil de recettes. Les clients les emportent ; tant mieux.',
    ['hotels'],
  ],
  [
    'coffee-in-rooms',
    'Better Coffee in Rooms',
    'en',
    'A small grinder and a paper filter beat any capsule machine — and say more about the house.',
    ['hotels', 'design'],
  ],
  [
    'le-chef-en-salle',
    'Le chef en salle',
    'fr',
    'Un passage, deux mots, pas plus. Le client retient qu’on est venu le voir, pas ce qu’on a dit.',
    ['restaurants', 'service'],
  ],
  [
    'wayfinding-at-night',
    'Wayfinding at Night',
    'en',
    'Corridors should glow, not glare. A dim path to the room is a welcome; a bright one is a hospital.',
    ['design'],
  ],
  [
    'les-avis',
    'Répondre aux avis',
    'fr',
    'Répondre à chacun, en signant de son prénom, sans formule. Les futurs clients lisent surtout les réponses.',
    ['service', 'notes'],
  ],
  [
    'slow-check-in',
    'Slow Check-In',
    'en',
    'Five minutes, a chair and a glass of water. Fast check-in is for airports.',
    ['service', 'hotels'],
  ],
  [
    'guide-de-quartier',
    'Le guide de quartier maison',
    'fr',
    'Une feuille, imprimée chaque semaine, avec le marché, la boulangerie, l’exposition du moment. Mieux qu’une application.',
    ['hotels', 'notes'],
  ],
]

function toNote(
  [slug, title, language, text, extra]: (typeof notes)[number],
  index: number,
): DemoPost {
  const authors = ['ines-moreau', 'james-hart', 'claire-dubois']
  return {
    slug,
    title,
    language,
    author: authors[index % authors.length],
    categories: ['notes', ...extra.filter((c) => c !== 'notes')],
    markdown: text,
    daysAgo: 7 + index * 2 + (index % 3 === 0 ? 1 : 0),
  }
}

const unpublished: DemoPost[] = [
  {
    slug: 'brouillon-hotels-de-gare',
    title: 'Brouillon : les hôtels de gare',
    language: 'fr',
    author: 'claire-dubois',
    categories: ['hotels'],
    markdown: 'À écrire : Le Terminus, le Lutetia, et ce que les gares ont appris aux hôtels.',
    status: 'draft',
    daysAgo: 0,
  },
  {
    slug: 'winter-terraces-guide',
    title: 'A Guide to Winter Terraces',
    language: 'en',
    author: 'james-hart',
    categories: ['restaurants'],
    markdown: 'Blankets, braziers and hot wine: the best winter terraces of the season.',
    status: 'scheduled',
    daysAgo: -7,
  },
]

export const demoPosts: DemoPost[] = [
  longEssay,
  frenchEssay,
  ...features,
  ...notes.map(toNote),
  ...unpublished,
]

/** Featured images of a few posts: drawn by demo-images.ts, described in the post's language. */
export const demoFeaturedImages: Record<string, { scene: DemoScene; alt: string }> = {
  'the-lobby-is-the-brand': {
    scene: 'lobby',
    alt: 'Illustration: an arched doorway opening onto a warmly lit hall, a lamp hanging inside.',
  },
  'cafe-a-l-hotel': {
    scene: 'coffee',
    alt: 'Illustration : une tasse de café noir vue du dessus, sur sa soucoupe.',
  },
  'designing-the-night-porter': {
    scene: 'night',
    alt: 'Illustration: a hotel facade at night under the moon, most of its windows lit.',
  },
  'les-cles-en-laiton': {
    scene: 'keys',
    alt: 'Illustration : deux clés en laiton sur un fond vert sombre.',
  },
  'menus-that-tell-a-story': {
    scene: 'menu',
    alt: 'Illustration: a cream menu card on a red tablecloth.',
  },
}

export type DemoPage = {
  slug: string
  title: string
  language: Language
  markdown: string
  /** A link to it at the end of the header, as "Show in navigation" does. */
  inNavigation: boolean
}

export const demoPages: DemoPage[] = [
  {
    slug: 'a-propos',
    title: 'À propos',
    language: 'fr',
    inNavigation: true,
    markdown: `**Maison & Hôte** est un carnet sur l’hospitalité des marques : ce que les hôtels, les restaurants et les petites maisons font de leur accueil, et ce que les autres peuvent en apprendre.

## Qui écrit ici

- **Claire Dubois**, ancienne cheffe de réception, sur les gestes de l’accueil ;
- **James Hart**, stratège de marque, *in English* ;
- **Inès Moreau**, curatrice, sur les lieux et les petites attentions.

## Ce que vous ne trouverez pas

Ni cookie, ni traceur, ni publicité : ce site compte ses lecteurs sans les suivre (voir la [page de confidentialité](/privacy)). Pour nous écrire : bonjour@maison-hote.example.`,
  },
]
