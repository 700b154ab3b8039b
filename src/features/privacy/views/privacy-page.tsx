import type { Locale } from '../../../i18n/site'
import { CommentsPrivacy } from '../../comments'

type PrivacyPageProps = { locale: Locale; siteName: string; retentionMonths: number }

/** What the audience counter does, in plain words; kept next to the code that does it. */
export function PrivacyPage({ locale, siteName, retentionMonths }: PrivacyPageProps) {
  if (locale === 'fr') {
    return (
      <article class="post privacy" lang="fr">
        <h1>Confidentialité</h1>
        <p>
          {siteName} ne dépose aucun cookie, n’écrit rien dans votre navigateur (ni localStorage, ni
          sessionStorage, ni IndexedDB) et ne charge rien depuis un autre site&#8239;: ni police, ni
          script, ni traceur publicitaire. C’est pourquoi il n’y a pas de bandeau de consentement.
        </p>
        <h2>Ce qui est compté</h2>
        <p>
          Pour savoir combien de personnes lisent quoi, le serveur qui affiche la page compte
          lui-même les visites, sans aucun script dans votre navigateur. Pour chaque jour, il garde
          seulement des totaux&#8239;:
        </p>
        <ul>
          <li>le nombre de pages vues, par adresse de page&#8239;;</li>
          <li>le nombre d’utilisations du bouton «&#8239;Plus d’articles&#8239;»&#8239;;</li>
          <li>
            la source de la visite&#8239;: le nom du site d’où vient le lien (jamais l’adresse
            complète), ou la valeur d’un paramètre <code>ref</code> ou <code>utm_source</code>
            &#8239;;
          </li>
          <li>
            le pays, tel que le réseau le déduit de la connexion, sans ville ni adresse&#8239;;
          </li>
          <li>le type d’appareil&#8239;: mobile, tablette ou ordinateur&#8239;;</li>
          <li>le nombre de requêtes de robots écartées.</li>
        </ul>
        <h2>Visiteurs uniques</h2>
        <p>
          Pour compter chaque visiteur une seule fois par jour, le serveur calcule une empreinte de
          votre adresse IP, de votre navigateur et du nom de ce site avec une clé secrète tirée au
          hasard chaque jour. Cette empreinte, tronquée, ne sert que ce jour-là. Le lendemain, la
          clé et toutes les empreintes sont effacées&#8239;: il ne reste que le nombre de visiteurs
          du jour. Votre adresse IP et votre navigateur ne sont jamais enregistrés.
        </p>
        <h2>Durée de conservation</h2>
        <p>
          Les totaux quotidiens sont gardés {retentionMonths}&#8239;mois, puis effacés
          automatiquement. Ils ne sont partagés avec personne et servent uniquement à l’éditeur de
          ce site.
        </p>
        <h2>Ne pas être compté</h2>
        <p>
          Si votre navigateur envoie le signal Global Privacy Control (<code>Sec-GPC: 1</code>) ou
          Do Not Track (<code>DNT: 1</code>), vos visites ne sont pas comptées du tout. Firefox,
          Brave et DuckDuckGo permettent d’activer GPC dans leurs réglages.
        </p>
        <h2>Abonnement par e-mail</h2>
        <p>
          Si vous vous abonnez, votre adresse e-mail, la langue choisie et la date de votre
          confirmation (avec le texte de consentement affiché) sont gardées pour vous envoyer les
          nouveaux articles, et pour rien d’autre. Aucun message n’est envoyé avant que vous
          confirmiez. Les messages ne contiennent aucun pixel espion, aucune image propre à vous et
          aucun lien de redirection&#8239;: nous ne savons pas si vous les ouvrez ni ce que vous y
          cliquez. Chaque message a un lien pour se désabonner en un clic.
        </p>
        <CommentsPrivacy locale="fr" />
      </article>
    )
  }
  return (
    <article class="post privacy" lang="en">
      <h1>Privacy</h1>
      <p>
        {siteName} sets no cookie, writes nothing into your browser (no localStorage, sessionStorage
        or IndexedDB) and loads nothing from another site: no fonts, no scripts, no ad trackers.
        That is why there is no consent banner.
      </p>
      <h2>What is counted</h2>
      <p>
        To know how many people read what, the server that renders the page counts visits itself,
        with no script in your browser. For each day it keeps only totals:
      </p>
      <ul>
        <li>the number of page views, per page address;</li>
        <li>how often the “Load More Posts” button was used;</li>
        <li>
          where the visit came from: the name of the linking site (never its full address), or the
          value of a <code>ref</code> or <code>utm_source</code> parameter;
        </li>
        <li>
          the country, as the network derives it from the connection, with no city or address;
        </li>
        <li>the kind of device: mobile, tablet or desktop;</li>
        <li>the number of requests from bots that were filtered out.</li>
      </ul>
      <h2>Unique visitors</h2>
      <p>
        To count each visitor once a day, the server computes a fingerprint of your IP address, your
        browser and this site’s name with a secret key drawn at random every day. The fingerprint,
        cut short, serves for that day only. The next day, the key and every fingerprint are
        deleted; only the day’s number of visitors remains. Your IP address and your browser are
        never stored.
      </p>
      <h2>How long</h2>
      <p>
        Daily totals are kept for {retentionMonths} months, then deleted automatically. They are
        shared with no one and serve only the publisher of this site.
      </p>
      <h2>Not being counted</h2>
      <p>
        If your browser sends Global Privacy Control (<code>Sec-GPC: 1</code>) or Do Not Track (
        <code>DNT: 1</code>), your visits are not counted at all. Firefox, Brave and DuckDuckGo let
        you turn GPC on in their settings.
      </p>
      <h2>Following by email</h2>
      <p>
        If you subscribe, your email address, the language you chose and when you confirmed (with
        the consent wording you were shown) are kept to send you new posts, and for nothing else.
        Nothing is sent before you confirm. Messages carry no tracking pixel, no image made for you
        and no redirecting link: we do not know whether you open them or what you click. Every
        message has a one-click unsubscribe link.
      </p>
      <CommentsPrivacy locale="en" />
    </article>
  )
}
