import { readFileSync } from 'node:fs';
import type { Handler } from 'hono';

// Read once at start: the stylesheet ships with the code, so a deploy changes it and nothing else does.
const CSS = readFileSync(new URL('./static/site.css', import.meta.url), 'utf8');

export const stylesheet = (): Handler => (c) => {
  c.header('Content-Type', 'text/css; charset=utf-8');
  c.header('Cache-Control', 'public, max-age=3600');
  return c.body(CSS);
};
