export { merchandisePages } from './routes.ts';
