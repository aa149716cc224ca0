/** Sizes on disk. */
import { readdir, stat } from 'node:fs/promises';
import * as path from 'node:path';

/** Total size of the files under `dir`, bytes. */
export async function directoryBytes(dir: string): Promise<number> {
  let total = 0;
  for (const entry of await readdir(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) total += (await stat(path.join(entry.parentPath, entry.name))).size;
  }
  return total;
}
