/** Module hooks registered by module-log.mjs: each module's URL, appended as it loads. */
import { appendFileSync } from 'node:fs';

/** @type {string} */
let log = '';

/** @param {{ log: string }} data */
export function initialize(data) {
  log = data.log;
}

/**
 * @param {string} url
 * @param {object} context
 * @param {(url: string, context: object) => Promise<unknown>} nextLoad
 */
export async function load(url, context, nextLoad) {
  appendFileSync(log, `${url}\n`);
  return nextLoad(url, context);
}
