export { reportPages } from './routes.ts';
