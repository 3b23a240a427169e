// The few DOM members the page uses, typed here: the project compiles without the DOM library, which would
// otherwise add browser globals to every Node and firmware file.
export interface PageElement {
  textContent: string | null;
  onclick: (() => void) | null;
  replaceChildren(...nodes: PageElement[]): void;
  append(...nodes: PageElement[]): void;
}

interface PageDocument {
  getElementById(id: string): PageElement | null;
  createElement(tag: string): PageElement;
}

export function pageDocument(): PageDocument {
  return (globalThis as unknown as { document: PageDocument }).document;
}
