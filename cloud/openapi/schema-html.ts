// JSON Schema (as the document holds it) rendered as nested HTML lists for the docs page.
type Schema = Record<string, unknown>;

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', '\'': '&#39;' };
export const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => ENTITIES[c] ?? c);

export const schemaAnchor = (name: string) => `schema-${name}`;
const refName = (ref: string) => ref.slice(ref.lastIndexOf('/') + 1);
const code = (value: unknown) => `<code>${escapeHtml(JSON.stringify(value))}</code>`;
const asSchema = (value: unknown): Schema => (value !== null && typeof value === 'object' ? value as Schema : {});
const variants = (s: Schema) => (s.anyOf ?? s.oneOf ?? s.allOf) as Schema[] | undefined;

/** A one-line type: a link for a $ref, the values of an enum, `array of …`, or the JSON type. */
export function typeLabel(s: Schema): string {
  if (typeof s.$ref === 'string') return `<a href="#${schemaAnchor(refName(s.$ref))}">${escapeHtml(refName(s.$ref))}</a>`;
  if (Array.isArray(s.enum)) return s.enum.map(code).join(' | ');
  if ('const' in s) return code(s.const);
  if (s.allOf) return 'all of';
  if (s.anyOf || s.oneOf) return 'one of';
  if (s.type === 'array') return `array of ${typeLabel(asSchema(s.items))}`;
  if (Array.isArray(s.type)) return s.type.map((t) => escapeHtml(String(t))).join(' | ');
  return typeof s.type === 'string' ? escapeHtml(s.type) : 'any';
}

const CONSTRAINTS: [string, string][] = [
  ['pattern', 'pattern'], ['minLength', 'min length'], ['maxLength', 'max length'], ['minimum', 'min'], ['maximum', 'max'],
  ['minItems', 'min items'], ['maxItems', 'max items'], ['default', 'default'],
];

function notes(s: Schema): string {
  const parts = CONSTRAINTS.filter(([key]) => key in s).map(([key, label]) => `${label} ${code(s[key])}`);
  if (typeof s.description === 'string') parts.push(escapeHtml(s.description));
  return parts.length > 0 ? ` <span class="notes">${parts.join(', ')}</span>` : '';
}

const nested = (s: Schema) => Boolean(s.properties || variants(s) || (s.type === 'array' && asSchema(s.items).properties));

/** The schema's fields, variants or items as a nested list; a bare type renders as its label. */
export function schemaHtml(s: Schema): string {
  const parts = variants(s);
  if (parts) return `<ul>${parts.map((v) => `<li>${typeLabel(v)}${notes(v)}${nested(v) ? schemaHtml(v) : ''}</li>`).join('')}</ul>`;
  if (s.type === 'array') return schemaHtml(asSchema(s.items));
  const properties = s.properties as Record<string, Schema> | undefined;
  if (!properties) return `<p>${typeLabel(s)}${notes(s)}</p>`;
  const required = new Set(Array.isArray(s.required) ? s.required as string[] : []);
  const items = Object.entries(properties).map(([name, p]) => `<li><code>${escapeHtml(name)}</code> ${typeLabel(p)}`
    + `${required.has(name) ? ' <strong>required</strong>' : ''}${notes(p)}${nested(p) ? schemaHtml(p) : ''}</li>`);
  if (s.additionalProperties === false) items.push('<li class="notes">no other fields</li>');
  return `<ul>${items.join('')}</ul>`;
}
