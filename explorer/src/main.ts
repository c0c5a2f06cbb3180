/** The graph explorer's entry point (bundled into explorer/dist/explorer.js by explorer/build.ts). */
import { Explorer, type ExplorerHandle } from './explorer-app.js';

declare global {
  interface Window {
    /** Read-only view of the explorer's state, for the end-to-end tests and debugging. */
    explorer?: ExplorerHandle;
  }
}

const explorer = new Explorer();
window.explorer = explorer.handle();
void explorer.start();
