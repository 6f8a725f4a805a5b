// Shared by the phone pages (visit logs, 随手拍) and the residents' report page.
// Photos from the camera are often 3–8 MB; before they wait in the queue they are scaled down to
// at most 1920 px and re-encoded as JPEG (smaller uploads on a weak signal). Small or
// undecodable files are kept as they are; the server checks the real type either way.
const maxSide = 1920;
const keepBelowBytes = 1.2 * 1024 * 1024;

export const maxPhotos = 9;
export const maxPhotoBytes = 10 * 1024 * 1024;

export async function shrinkPhoto(file: File): Promise<Blob> {
  if (file.size <= keepBelowBytes || typeof createImageBitmap !== 'function') return file;
  try {
    const bitmap = await createImageBitmap(file);
    const scale = Math.min(1, maxSide / Math.max(bitmap.width, bitmap.height));
    const canvas = document.createElement('canvas');
    canvas.width = Math.round(bitmap.width * scale);
    canvas.height = Math.round(bitmap.height * scale);
    canvas.getContext('2d')?.drawImage(bitmap, 0, 0, canvas.width, canvas.height);
    bitmap.close();
    const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/jpeg', 0.85));
    return blob && blob.size < file.size ? blob : file;
  } catch {
    return file;
  }
}
