// A small accessibility check over server-rendered HTML, parsed with parse5 as a browser would: the page has a
// language, a title and a main landmark; every form control has a label; images have alt text; ids are unique
// and aria references point at them. It is no full audit, only the rules a template slip breaks most often.
import { parse } from 'parse5';
import type { DefaultTreeAdapterTypes } from 'parse5';

type Node = DefaultTreeAdapterTypes.ChildNode | DefaultTreeAdapterTypes.Document;
type Element = DefaultTreeAdapterTypes.Element;

function isElement(node: Node): node is Element {
  return 'tagName' in node;
}

function walk(node: Node, visit: (el: Element, ancestors: Element[]) => void, ancestors: Element[] = []): void {
  const children = 'childNodes' in node ? node.childNodes : [];
  const next = isElement(node) ? [...ancestors, node] : ancestors;
  if (isElement(node)) visit(node, ancestors);
  const content = isElement(node) && node.tagName === 'template' ? (node as DefaultTreeAdapterTypes.Template).content.childNodes : [];
  for (const child of [...children, ...content]) walk(child, visit, next);
}

const attr = (el: Element, name: string) => el.attrs.find((a) => a.name === name)?.value;

function textOf(node: Node): string {
  if (node.nodeName === '#text') return (node as DefaultTreeAdapterTypes.TextNode).value;
  return 'childNodes' in node ? node.childNodes.map(textOf).join('') : '';
}

const UNLABELLED_INPUTS = new Set(['hidden', 'submit', 'button', 'reset', 'image']);

/** The problems found, as sentences; an empty list means the page passes. */
export function accessibilityProblems(html: string): string[] {
  const doc = parse(html);
  const problems: string[] = [];
  const ids = new Map<string, number>();
  const labelFor = new Set<string>();
  const controls: { el: Element; ancestors: Element[] }[] = [];
  const references: { el: Element; name: string; ids: string[] }[] = [];
  let title = '';
  let mains = 0;
  walk(doc, (el, ancestors) => {
    const id = attr(el, 'id');
    if (id !== undefined) ids.set(id, (ids.get(id) ?? 0) + 1);
    if (el.tagName === 'label' && attr(el, 'for')) labelFor.add(attr(el, 'for')!);
    if (el.tagName === 'title') title = textOf(el).trim();
    if (el.tagName === 'main') mains++;
    if (el.tagName === 'input' && !UNLABELLED_INPUTS.has(attr(el, 'type') ?? 'text')) controls.push({ el, ancestors });
    if (el.tagName === 'select' || el.tagName === 'textarea') controls.push({ el, ancestors });
    if (el.tagName === 'img' && attr(el, 'alt') === undefined) problems.push(`an <img> (${attr(el, 'src') ?? '?'}) has no alt text`);
    if (el.tagName === 'button' && textOf(el).trim() === '' && !attr(el, 'aria-label')) problems.push('a <button> has no text');
    if (el.tagName === 'a' && textOf(el).trim() === '' && !attr(el, 'aria-label')) problems.push(`a link to ${attr(el, 'href') ?? '?'} has no text`);
    for (const name of ['aria-describedby', 'aria-labelledby']) {
      const value = attr(el, name);
      if (value) references.push({ el, name, ids: value.split(/\s+/) });
    }
  });
  const html_ = doc.childNodes.find((n): n is Element => isElement(n) && n.tagName === 'html');
  if (!html_ || !attr(html_, 'lang')) problems.push('<html> has no lang attribute');
  if (title === '') problems.push('the page has no <title>');
  if (mains !== 1) problems.push(`the page has ${mains} <main> elements`);
  for (const [id, n] of ids) if (n > 1) problems.push(`id "${id}" is used ${n} times`);
  for (const { el, ancestors } of controls) {
    const id = attr(el, 'id');
    const labelled = (id !== undefined && labelFor.has(id)) || attr(el, 'aria-label') || attr(el, 'aria-labelledby') || ancestors.some((a) => a.tagName === 'label');
    if (!labelled) problems.push(`a <${el.tagName}> named "${attr(el, 'name') ?? '?'}" has no label`);
  }
  for (const { name, ids: wanted } of references) {
    for (const id of wanted) if (!ids.has(id)) problems.push(`${name} points at missing id "${id}"`);
  }
  return problems;
}
