// `make chromium`: makes sure the browser tests have a Chromium to drive, or says clearly why not.
import { BrowserError } from './errors.ts';
import { ensureChromium } from './install.ts';

if (process.env.WAYGO_SKIP_BROWSER === '1') {
  console.log('WAYGO_SKIP_BROWSER=1: Chromium not checked, the browser tests are skipped');
} else {
  try {
    console.log(`Chromium: ${ensureChromium()}`);
  } catch (err) {
    if (!(err instanceof BrowserError)) throw err;
    console.error(err.message);
    process.exitCode = 1;
  }
}
