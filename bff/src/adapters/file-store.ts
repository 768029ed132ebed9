import { randomBytes } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, resolve, sep } from 'node:path';

/**
 * Uploaded files on local disk, under one root folder: courier proof photos at the top (private,
 * never served) and files meant for everyone under `public/` (served at `/assets/uploads/`).
 * One small adapter so an S3-compatible store can take its place without touching the callers.
 */
export class LocalFileStore {
  /** Absolute root folder. */
  readonly root: string;

  constructor(root: string) {
    this.root = resolve(root);
  }

  /** Absolute path of `key` ('abc.jpg', 'public/products/x.png'); a key that leaves the root throws. */
  pathOf(key: string): string {
    const full = resolve(this.root, key);
    if (full !== this.root && !full.startsWith(this.root + sep)) throw new Error(`bad file key: ${key}`);
    return full;
  }

  /** Creates folder `key` now (for a static server that checks its root once at start-up). */
  ensureDir(key: string): string {
    const dir = this.pathOf(key);
    mkdirSync(dir, { recursive: true });
    return dir;
  }

  /**
   * Writes `bytes` at `key`, creating folders. The file appears whole or not at all (written
   * beside it, then renamed), so a reader never serves half an upload.
   */
  async put(key: string, bytes: Buffer): Promise<void> {
    const full = this.pathOf(key);
    await mkdir(dirname(full), { recursive: true });
    const tmp = `${full}.${randomBytes(6).toString('hex')}.part`;
    try {
      await writeFile(tmp, bytes);
      await rename(tmp, full);
    } catch (err) {
      await rm(tmp, { force: true });
      throw err;
    }
  }
}
