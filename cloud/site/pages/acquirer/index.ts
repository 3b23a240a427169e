export { acquirerPages } from './routes.ts';
