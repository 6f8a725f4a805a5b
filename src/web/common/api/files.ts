import type { StoredFile } from '../api-types';
import { http } from '../http';

/** Uploads a photo; a client-made `id` makes the upload safe to repeat (an offline queue's retry). */
export function uploadPhoto(file: Blob, id?: string, fileName = 'photo.jpg') {
  const form = new FormData();
  form.append('file', file, fileName);
  if (id) form.append('id', id);
  return http.upload<StoredFile>('/files', form);
}

/** Where the browser loads a stored photo (the session cookie decides who may see it). */
export const fileUrl = (id: string) => `/api/v1/files/${encodeURIComponent(id)}`;
