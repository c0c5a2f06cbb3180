/** `npm run build:explorer` (also run by `npm start` and the test setup): builds explorer/dist/. */
import { EXPLORER_DIST } from '../src/http/explorer-route.js';
import { buildExplorer } from './build.js';

const started = performance.now();
await buildExplorer();
console.log(`Built the graph explorer into ${EXPLORER_DIST} in ${Math.round(performance.now() - started)} ms`);
