import fs from 'node:fs/promises';
import path from 'node:path';

// Where uploaded files live: a local folder by default; an S3-compatible store can implement the same interface.
export interface FileStorage {
  put(key: string, bytes: Buffer): Promise<void>;
  get(key: string): Promise<Buffer | null>;
  /** Removes the object; a key that holds nothing is not an error (a sweep may run twice). */
  delete(key: string): Promise<void>;
}

export class LocalFolderStorage implements FileStorage {
  constructor(readonly root: string) {}

  private resolve(key: string): string {
    if (!/^[\w/-]+$/.test(key) || key.includes('..')) throw new Error(`bad storage key ${key}`);
    return path.join(this.root, key);
  }

  async put(key: string, bytes: Buffer): Promise<void> {
    const file = this.resolve(key);
    await fs.mkdir(path.dirname(file), { recursive: true });
    await fs.writeFile(`${file}.part`, bytes);
    await fs.rename(`${file}.part`, file);
  }

  async get(key: string): Promise<Buffer | null> {
    try {
      return await fs.readFile(this.resolve(key));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw error;
    }
  }

  async delete(key: string): Promise<void> {
    await fs.rm(this.resolve(key), { force: true });
  }
}
