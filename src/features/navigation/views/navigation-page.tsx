import { NAVIGATION_MENUS, type NavigationMenu, type User } from '../../../db/schema'
import type { AdminMessages } from '../../../i18n/admin'
import { NAVIGATION_SCRIPT_SRC } from '../../../ui/assets'
import { AdminNav, FieldError, Notice } from '../../../ui/admin-nav'
import { readableAddress } from '../addresses'
import { NAV_LIMITS, type NavLink } from '../links'
import type { NavigationMessages } from '../messages'
import type { LinkFormValues } from '../schemas'

export type AddressSuggestion = { address: string; label: string }

export type NavigationPageProps = {
  a: AdminMessages
  n: NavigationMessages
  editor: User
  menus: Record<NavigationMenu, NavLink[]>
  /** Published pages' ids, to tell which page links readers see now. */
  publishedPages: ReadonlySet<number>
  suggestions: AddressSuggestion[]
  notice?: { message: string; tone: 'info' | 'error' } | null
  /** A refused "Add link" form: its menu, what was typed, the errors. */
  rejected?: { menu: NavigationMenu; values: LinkFormValues; errors: Record<string, string> }
}

const base = (menu: NavigationMenu) => `/admin/navigation/${menu}`

/** One button in its own form: works without JavaScript, names the link it acts on. */
function LinkAction(props: {
  action: string
  label: string
  linkLabel: string
  direction?: 'up' | 'down'
}) {
  return (
    <form method="post" action={props.action} class="inline-form">
      {props.direction && <input type="hidden" name="direction" value={props.direction} />}
      <button type="submit" class="link-button">
        {props.label}
        <span class="visually-hidden"> “{props.linkLabel}”</span>
      </button>
    </form>
  )
}

function LinkItem(props: {
  n: NavigationMessages
  menu: NavigationMenu
  link: NavLink
  publishedPages: ReadonlySet<number>
  child?: boolean
}) {
  const { n, menu, link } = props
  const path = `${base(menu)}/links/${encodeURIComponent(link.id)}`
  const hidden = link.pageId !== undefined && !props.publishedPages.has(link.pageId)
  return (
    <li data-id={link.id} class="nav-link-item">
      <p>
        <strong>{link.label}</strong> <code>{readableAddress(link.address)}</code>
        {link.pageId !== undefined && <> ({n.pageLink})</>}
        {hidden && <em> — {n.hidden}</em>}
      </p>
      <p class="form-actions">
        <LinkAction
          action={`${path}/move`}
          direction="up"
          label={n.moveUp}
          linkLabel={link.label}
        />
        <LinkAction
          action={`${path}/move`}
          direction="down"
          label={n.moveDown}
          linkLabel={link.label}
        />
        <LinkAction action={`${path}/remove`} label={n.remove} linkLabel={link.label} />
      </p>
      <details>
        <summary>
          {n.edit}
          <span class="visually-hidden"> “{link.label}”</span>
        </summary>
        <form method="post" action={path} class="stack">
          <label>
            {n.label}
            <input name="label" value={link.label} required maxlength={NAV_LIMITS.label} />
          </label>
          <label>
            {n.address}
            <input
              name="address"
              value={readableAddress(link.address)}
              required
              maxlength={NAV_LIMITS.address}
            />
          </label>
          <div class="form-actions">
            <button type="submit">{n.saveLink}</button>
          </div>
        </form>
      </details>
      {!props.child && link.children && link.children.length > 0 && (
        <ol class="nav-links" data-parent={link.id}>
          {link.children.map((child) => (
            <LinkItem {...props} link={child} child />
          ))}
        </ol>
      )}
    </li>
  )
}

function AddLinkForm(props: {
  n: NavigationMessages
  menu: NavigationMenu
  links: NavLink[]
  values: LinkFormValues
  errors: Record<string, string>
}) {
  const { n, menu, values, errors } = props
  const id = (field: string) => `${menu}-${field}`
  return (
    <form method="post" action={`${base(menu)}/links`} class="stack add-link">
      <h3>{n.addLink}</h3>
      {Object.keys(errors).length > 0 && <Notice message={n.fixErrors} tone="error" />}
      <label>
        {n.label}
        <input
          name="label"
          value={values.label}
          required
          maxlength={NAV_LIMITS.label}
          aria-invalid={errors.label ? 'true' : undefined}
          aria-describedby={errors.label ? id('label-error') : undefined}
        />
      </label>
      <FieldError id={id('label-error')} message={errors.label} />
      <label>
        {n.address}
        <input
          name="address"
          value={values.address}
          required
          maxlength={NAV_LIMITS.address}
          list="address-suggestions"
          autocomplete="off"
          aria-invalid={errors.address ? 'true' : undefined}
          aria-describedby={[errors.address && id('address-error'), id('address-help')]
            .filter(Boolean)
            .join(' ')}
        />
      </label>
      <p class="help" id={id('address-help')}>
        {n.addressHelp}
      </p>
      <FieldError id={id('address-error')} message={errors.address} />
      {props.links.length > 0 && (
        <label>
          {n.place}
          <select name="parent">
            <option value="">{n.topLevel}</option>
            {props.links.map((link) => (
              <option value={link.id} selected={values.parent === link.id}>
                {n.under(link.label)}
              </option>
            ))}
          </select>
        </label>
      )}
      <div class="form-actions">
        <button type="submit">{n.addLink}</button>
      </div>
    </form>
  )
}

export function NavigationPage(props: NavigationPageProps) {
  const { a, n, editor } = props
  return (
    <section class="admin navigation-admin">
      <AdminNav a={a} editor={editor} />
      <h1>{n.navigation}</h1>
      <p>{n.intro}</p>
      <Notice message={props.notice?.message} tone={props.notice?.tone} />
      <p class="help" id="drag-hint" hidden>
        {n.dragHint}
      </p>
      {NAVIGATION_MENUS.map((menu) => {
        const links = props.menus[menu]
        const rejected = props.rejected?.menu === menu ? props.rejected : null
        return (
          <section id={`menu-${menu}`} aria-labelledby={`menu-${menu}-title`} class="stack">
            <h2 id={`menu-${menu}-title`}>{n.menus[menu]}</h2>
            {links.length === 0 && <p>{n.noLinks}</p>}
            <ol class="nav-links" data-reorder={`${base(menu)}/order`}>
              {links.map((link) => (
                <LinkItem n={n} menu={menu} link={link} publishedPages={props.publishedPages} />
              ))}
            </ol>
            <AddLinkForm
              n={n}
              menu={menu}
              links={links}
              values={rejected?.values ?? { label: '', address: '', parent: '' }}
              errors={rejected?.errors ?? {}}
            />
          </section>
        )
      })}
      <datalist id="address-suggestions">
        {props.suggestions.map((suggestion) => (
          <option value={suggestion.address}>{suggestion.label}</option>
        ))}
      </datalist>
      <script src={NAVIGATION_SCRIPT_SRC} defer></script>
    </section>
  )
}
