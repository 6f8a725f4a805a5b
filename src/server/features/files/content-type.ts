import { fileTypeFromBuffer } from 'file-type';

// Uploads are judged by their bytes (magic numbers), never by their name.
export const photoTypes = new Set(['image/jpeg', 'image/png', 'image/webp']);

export async function sniffMime(bytes: Buffer): Promise<string | null> {
  return (await fileTypeFromBuffer(bytes))?.mime ?? null;
}

export async function isXlsx(bytes: Buffer): Promise<boolean> {
  return (await fileTypeFromBuffer(bytes))?.ext === 'xlsx';
}
