// What a file the resident uploaded on this page looks like (a photo's local copy, or a PDF's name),
// kept by its stored id so the thumbnails survive a field being drawn again.
import { reactive } from 'vue';

export interface FilePreview {
  url: string;
  pdf: boolean;
  name: string;
}

const previews = reactive(new Map<string, FilePreview>());

export const rememberPreview = (id: string, preview: FilePreview) => previews.set(id, preview);
export const previewOf = (id: string) => previews.get(id);
