import type { Child } from 'hono/jsx';
import type { PublicContext } from '../context.ts';

export interface FormProps {
  action: string;
  method?: 'get' | 'post';
  ctx: PublicContext;
  /** `multipart/form-data` for file uploads. */
  enctype?: 'multipart/form-data' | 'application/x-www-form-urlencoded';
  class?: string;
  children?: Child;
}

/** A form; a POST one carries the session's CSRF token, which the site checks before any handler runs. */
export function Form({ action, method = 'post', ctx, enctype, class: className, children }: FormProps) {
  return (
    <form action={action} method={method} enctype={enctype} class={className}>
      {method === 'post' && ctx.csrf !== '' ? <input type="hidden" name="_csrf" value={ctx.csrf} /> : null}
      {children}
    </form>
  );
}

/** Field ids derive from names so that ErrorSummary can link to the field at fault. */
export const fieldId = (name: string) => `f-${name.replace(/[^A-Za-z0-9_-]/g, '-')}`;

interface FieldBase {
  name: string;
  label: string;
  error?: string | undefined;
  hint?: string | undefined;
  required?: boolean;
  /** Override the derived id when one name appears twice on a page. */
  id?: string;
}

export interface FieldProps extends FieldBase {
  type?: 'text' | 'email' | 'password' | 'number' | 'date' | 'datetime-local' | 'file' | 'search' | 'url' | 'tel' | 'checkbox';
  value?: string | number | undefined;
  autocomplete?: string;
  inputmode?: 'numeric' | 'decimal' | 'text' | 'email';
  min?: string | number;
  max?: string | number;
  step?: string | number;
  pattern?: string;
  accept?: string;
  checked?: boolean;
  /** Multi-line text. */
  multiline?: boolean;
}

function describedBy(id: string, hint?: string, error?: string): string | undefined {
  const ids = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter((x) => x !== '');
  return ids.length > 0 ? ids.join(' ') : undefined;
}

function Messages({ id, hint, error }: { id: string; hint?: string | undefined; error?: string | undefined }) {
  return (
    <>
      {hint ? <p class="hint" id={`${id}-hint`}>{hint}</p> : null}
      {error ? <p class="field-error" id={`${id}-error`}>{error}</p> : null}
    </>
  );
}

/** A labelled input with its hint and error, tied together by aria-describedby. */
export function Field(props: FieldProps) {
  const id = props.id ?? fieldId(props.name);
  const common = {
    id,
    name: props.name,
    required: props.required,
    'aria-invalid': props.error ? 'true' : undefined,
    'aria-describedby': describedBy(id, props.hint, props.error),
  };
  const control = props.multiline
    ? <textarea {...common} rows={4}>{props.value ?? ''}</textarea>
    : (
      <input
        {...common}
        type={props.type ?? 'text'}
        value={props.type === 'password' || props.type === 'file' ? undefined : props.value}
        autocomplete={props.autocomplete}
        inputmode={props.inputmode}
        min={props.min}
        max={props.max}
        step={props.step}
        pattern={props.pattern}
        accept={props.accept}
        checked={props.checked}
      />
    );
  return (
    <div class={props.type === 'checkbox' ? 'field check' : props.error ? 'field invalid' : 'field'}>
      <label for={id}>{props.label}{props.required ? <span class="req" aria-hidden="true"> *</span> : null}</label>
      {control}
      <Messages id={id} hint={props.hint} error={props.error} />
    </div>
  );
}

export interface SelectOption {
  value: string;
  label: string;
}

export interface SelectProps extends FieldBase {
  options: SelectOption[];
  value?: string | undefined;
  /** A first, empty choice (e.g. "All" in a filter). */
  blank?: string;
}

export function Select(props: SelectProps) {
  const id = props.id ?? fieldId(props.name);
  return (
    <div class={props.error ? 'field invalid' : 'field'}>
      <label for={id}>{props.label}{props.required ? <span class="req" aria-hidden="true"> *</span> : null}</label>
      <select
        id={id}
        name={props.name}
        required={props.required}
        aria-invalid={props.error ? 'true' : undefined}
        aria-describedby={describedBy(id, props.hint, props.error)}
      >
        {props.blank !== undefined ? <option value="">{props.blank}</option> : null}
        {props.options.map((o) => <option value={o.value} selected={o.value === props.value}>{o.label}</option>)}
      </select>
      <Messages id={id} hint={props.hint} error={props.error} />
    </div>
  );
}
