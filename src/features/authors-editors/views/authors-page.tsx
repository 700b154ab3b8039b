import type { User } from '../../../db/schema'
import type { AdminMessages } from '../../../i18n/admin'
import {
  AUTHOR_BIO_MAX,
  AUTHOR_NAME_MAX,
  AUTHOR_SLUG_MAX,
  type AuthorFormField,
} from '../author-schemas'
import { AdminNav, FieldError, Notice } from '../../../ui/admin-nav'
import { SLUG_INPUT_PATTERN } from '../../../lib/slug'

export type AuthorFormValues = { name: string; slug: string; bio: string; userId: string }

export type AuthorsPageProps = {
  a: AdminMessages
  editor: User
  authors: (AuthorFormValues & { id: number })[]
  editors: { id: number; name: string }[]
  /** The form that was sent and refused (id null: the new author), with what was typed. */
  rejected?: {
    id: number | null
    values: AuthorFormValues
    errors: Partial<Record<AuthorFormField, string>>
  }
  notice?: string | null
}

function AuthorForm(props: {
  a: AdminMessages
  id: number | null
  values: AuthorFormValues
  editors: AuthorsPageProps['editors']
  errors: Partial<Record<AuthorFormField, string>>
}) {
  const { a, id, values, errors } = props
  const prefix = `author-${id ?? 'new'}`
  const invalid = (field: AuthorFormField) => (errors[field] ? 'true' : undefined)
  const describedBy = (field: AuthorFormField) =>
    errors[field] ? `${prefix}-${field}-error` : undefined
  return (
    <form
      method="post"
      action={id ? `/admin/authors/${id}` : '/admin/authors'}
      class="author-form stack"
    >
      <label>
        {a.name}
        <input
          name="name"
          value={values.name}
          required
          maxlength={AUTHOR_NAME_MAX}
          aria-invalid={invalid('name')}
          aria-describedby={describedBy('name')}
        />
      </label>
      <FieldError id={`${prefix}-name-error`} message={errors.name} />
      <label>
        {a.slug}
        <input
          name="slug"
          value={values.slug}
          maxlength={AUTHOR_SLUG_MAX}
          pattern={SLUG_INPUT_PATTERN}
          aria-invalid={invalid('slug')}
          aria-describedby={describedBy('slug')}
        />
      </label>
      <FieldError id={`${prefix}-slug-error`} message={errors.slug} />
      <label>
        {a.bio}
        <textarea
          name="bio"
          rows={3}
          maxlength={AUTHOR_BIO_MAX}
          aria-invalid={invalid('bio')}
          aria-describedby={describedBy('bio')}
        >
          {values.bio}
        </textarea>
      </label>
      <FieldError id={`${prefix}-bio-error`} message={errors.bio} />
      <label>
        {a.editorAccount}
        <select name="userId">
          <option value="">{a.noEditorAccount}</option>
          {props.editors.map((editor) => (
            <option value={String(editor.id)} selected={values.userId === String(editor.id)}>
              {editor.name}
            </option>
          ))}
        </select>
      </label>
      <FieldError id={`${prefix}-userId-error`} message={errors.userId} />
      <div class="form-actions">
        <button type="submit">{id ? a.save : a.addAuthor}</button>
      </div>
    </form>
  )
}

export function AuthorsPage(props: AuthorsPageProps) {
  const { a, rejected } = props
  const formFor = (id: number | null, values: AuthorFormValues) =>
    rejected && rejected.id === id ? rejected : { values, errors: {} }
  const blank = { name: '', slug: '', bio: '', userId: '' }
  return (
    <section class="admin">
      <AdminNav a={a} editor={props.editor} />
      <h1>{a.authors}</h1>
      <Notice message={props.notice} />
      {rejected && <Notice message={a.fixErrors} tone="error" />}
      {props.authors.map((author) => (
        <section class="author-profile">
          <h2>{author.name}</h2>
          <AuthorForm
            a={a}
            id={author.id}
            editors={props.editors}
            {...formFor(author.id, author)}
          />
        </section>
      ))}
      <section class="author-profile">
        <h2>{a.addAuthor}</h2>
        <AuthorForm a={a} id={null} editors={props.editors} {...formFor(null, blank)} />
      </section>
    </section>
  )
}
