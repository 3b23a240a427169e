import { createContext, useContext } from 'hono/jsx';
import type { PublicContext } from '../context.ts';
import { translator } from '../i18n/index.ts';

// Layout provides the page's context so that leaf components (Money, DateTime, Pager) format for the reader's
// locale without every page threading `ctx` through each call.
const fallback: PublicContext = { principal: null, t: translator('en'), locale: 'en', csrf: '', now: 0 };

export const PageContext = createContext<PublicContext>(fallback);

export function usePage(): PublicContext {
  return useContext(PageContext);
}
