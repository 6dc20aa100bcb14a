import type { ComponentChildren } from 'preact';
import { Locale, pick, ProblemDocument } from '@palabre/platform';

export interface FieldErrorView {
  field: string;
  message: string;
}

/** The hidden CSRF field every back-office form carries. */
export function Csrf(props: { token: string }) {
  return <input type="hidden" name="_csrf" value={props.token} />;
}

/**
 * The errors of a form, at its top: focusable, announced, each linking to its field
 * (`ids` maps a field name to its input's id).
 */
export function ErrorSummary(props: { locale: Locale; problem?: ProblemDocument; ids?: Record<string, string>; children?: ComponentChildren }) {
  const { problem, locale } = props;
  if (!problem) return null;
  const errors = problem.errors ?? [];
  return (
    <div class="error" role="alert" tabindex={-1} id="form-errors">
      <h2>{problem.title}</h2>
      {problem.detail && errors.length === 0 ? <p>{problem.detail}</p> : null}
      {errors.length > 0 ? (
        <ul>
          {errors.map((e) => (
            <li>
              <a href={`#${props.ids?.[e.field] ?? e.field}`}>{e.message}</a>
            </li>
          ))}
        </ul>
      ) : null}
      {errors.length === 0 && !problem.detail ? <p>{pick({ fr: 'Vérifiez le formulaire.', en: 'Check the form.' }, locale)}</p> : null}
      {props.children}
    </div>
  );
}

export function fieldError(problem: ProblemDocument | undefined, field: string): string | undefined {
  return problem?.errors?.find((e) => e.field === field)?.message;
}

/**
 * The inputs of one form bound to their ids (the map the error summary links with), to what was
 * typed and to the problem: `<TextField {...field('titleFr')} label="…" />` gives its id, name, value and error.
 */
export function formFields<K extends string>(ids: Record<K, string>, values: Partial<Record<NoInfer<K>, unknown>>, problem: ProblemDocument | undefined) {
  return (name: K) => {
    const value = values[name];
    return { id: ids[name], name, value: typeof value === 'string' ? value : undefined, error: fieldError(problem, name) };
  };
}

interface FieldProps {
  id: string;
  name: string;
  label: string;
  error?: string;
  hint?: string;
  required?: boolean;
}

/** A field's frame: its label, hint and error, tied to the control by `aria-describedby`; a checkbox comes before its label. */
function Described(props: FieldProps & { checkbox?: boolean; children: (describedBy: string | undefined) => ComponentChildren }) {
  const ids = [props.hint ? `${props.id}-hint` : '', props.error ? `${props.id}-error` : ''].filter(Boolean).join(' ') || undefined;
  const labelled = (
    <>
      <label for={props.id}>{props.label}</label>
      {props.hint ? (
        <p class="hint muted" id={`${props.id}-hint`}>
          {props.hint}
        </p>
      ) : null}
    </>
  );
  return (
    <div class={props.checkbox ? 'field checkbox' : 'field'}>
      {props.checkbox ? null : labelled}
      {props.children(ids)}
      {props.checkbox ? labelled : null}
      {props.error ? (
        <p class="field-error" id={`${props.id}-error`}>
          {props.error}
        </p>
      ) : null}
    </div>
  );
}

export function TextField(
  props: FieldProps & { type?: string; value?: string; autocomplete?: string; min?: number; max?: number; step?: number; inputmode?: string; list?: string },
) {
  return (
    <Described {...props}>
      {(describedBy) => (
        <input
          id={props.id}
          name={props.name}
          type={props.type ?? 'text'}
          value={props.value ?? ''}
          autocomplete={props.autocomplete}
          min={props.min}
          max={props.max}
          step={props.step}
          inputMode={props.inputmode}
          list={props.list}
          required={props.required}
          aria-invalid={props.error ? 'true' : undefined}
          aria-describedby={describedBy}
        />
      )}
    </Described>
  );
}

/** A count (seats, hours): a whole number from 1, with the numeric keyboard on phones. */
export function CountField(props: Omit<Parameters<typeof TextField>[0], 'type' | 'min' | 'inputmode'>) {
  return <TextField {...props} type="number" min={1} inputmode="numeric" />;
}

export function TextAreaField(props: FieldProps & { value?: string; rows?: number }) {
  return (
    <Described {...props}>
      {(describedBy) => (
        <textarea
          id={props.id}
          name={props.name}
          rows={props.rows ?? 4}
          required={props.required}
          aria-invalid={props.error ? 'true' : undefined}
          aria-describedby={describedBy}
        >
          {props.value ?? ''}
        </textarea>
      )}
    </Described>
  );
}

/** A checkbox with its label beside it; unchecked, the browser sends nothing. */
export function CheckboxField(props: FieldProps & { checked?: boolean; value?: string }) {
  return (
    <Described {...props} checkbox>
      {(describedBy) => (
        <input
          id={props.id}
          name={props.name}
          type="checkbox"
          value={props.value ?? 'on'}
          checked={props.checked}
          aria-invalid={props.error ? 'true' : undefined}
          aria-describedby={describedBy}
        />
      )}
    </Described>
  );
}

export function SelectField(props: FieldProps & { value?: string; options: { value: string; label: string }[] }) {
  return (
    <Described {...props}>
      {(describedBy) => (
        <select id={props.id} name={props.name} required={props.required} aria-invalid={props.error ? 'true' : undefined} aria-describedby={describedBy}>
          {props.options.map((o) => (
            <option value={o.value} selected={o.value === props.value}>
              {o.label}
            </option>
          ))}
        </select>
      )}
    </Described>
  );
}

/** The language a person's emails are written in (a speaker's, a walk-in's): French or English. */
export function EmailLanguageField(props: Omit<FieldProps, 'label'> & { value?: string; locale: Locale }) {
  const label = pick({ fr: 'Langue des e-mails', en: 'Language of emails' }, props.locale);
  const options = [
    { value: 'fr', label: 'Français' },
    { value: 'en', label: 'English' },
  ];
  return <SelectField {...props} label={label} options={options} />;
}

/** A confirmation after a redirect (`?done=…`): fixed texts only, nothing from the URL is echoed. */
export function Notice(props: { text?: string }) {
  return props.text ? (
    <p class="notice ok" role="status">
      {props.text}
    </p>
  ) : null;
}

/**
 * A form that is one button: a POST with the form token (delete, invite, publish, sign out).
 * Inline unless told otherwise, to sit in a table row or beside a sentence.
 */
export function PostButton(props: { action: string; csrf: string; kind?: ButtonKind; inline?: boolean; label?: string; children: ComponentChildren }) {
  return (
    <form method="post" action={props.action} class={props.inline === false ? undefined : 'inline'}>
      <Csrf token={props.csrf} />
      <Submit kind={props.kind} label={props.label}>
        {props.children}
      </Submit>
    </form>
  );
}

/** The way back to the list or page a page belongs to (« ← All speakers »), above its heading. */
export function BackLink(props: { href: string; children: ComponentChildren }) {
  return (
    <p>
      <a href={props.href}>{props.children}</a>
    </p>
  );
}

/** How a button looks besides the plain one: a lesser action, a destructive one, or a link. */
export type ButtonKind = 'danger' | 'secondary' | 'link';

/** A form's submit button; `label` names it for assistive technology when its text is not enough. */
export function Submit(props: { kind?: ButtonKind; label?: string; children: ComponentChildren }) {
  return (
    <button type="submit" class={props.kind} aria-label={props.label}>
      {props.children}
    </button>
  );
}

/**
 * A titled part of a page: a section named by its heading (`{id}-heading`), with a muted line
 * that introduces it when there is one. `plain`: without the panel's frame.
 */
export function Panel(props: { id: string; title: ComponentChildren; intro?: ComponentChildren; plain?: boolean; children?: ComponentChildren }) {
  return (
    <section class={props.plain ? undefined : 'panel'} aria-labelledby={`${props.id}-heading`}>
      <h2 id={`${props.id}-heading`}>{props.title}</h2>
      {props.intro ? <p class="muted">{props.intro}</p> : null}
      {props.children}
    </section>
  );
}
