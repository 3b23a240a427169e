// The payment pages page like every operator list (cloud/services/authority/page.ts).
export type { Page, PageRequest } from '../authority/page.ts';
