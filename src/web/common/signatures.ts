import { uploadPhoto } from './api/files';
import { newUuid } from './uuid';

// The parties' signatures under a mediation agreement (调解协议书): one PNG per party, uploaded
// through POST /files, their ids sent in the parties' order — the PDF prints the n-th signature
// under the n-th party, so a gap would put a signature under the wrong name.

/** What the upload needs of a signature pad (common/components/SignaturePad.vue exposes it). */
export interface SignatureDrawing {
  isEmpty(): boolean;
  /** changes with every stroke and every clearing */
  revision(): number;
  toBlob(): Promise<Blob | null>;
}

/** A party did not sign: `index` is the party's place in the list (the first one missing). */
export class MissingSignatureError extends Error {
  constructor(readonly index: number) {
    super(`signature ${index + 1} is missing`);
    this.name = 'MissingSignatureError';
  }
}

/**
 * Makes the upload of one form's signatures. Every party must have signed. A drawing keeps its
 * upload id until it changes, so sending again after a failed request uploads only what was not
 * stored yet (the same id with the same picture is safe to repeat; a changed picture gets a new id).
 */
export function createSignatureUpload() {
  const uploads = new WeakMap<SignatureDrawing, { revision: number; id: string; stored: boolean }>();
  return async function uploadSignatures(
    pads: readonly SignatureDrawing[],
    progress?: (n: number, total: number) => void,
  ): Promise<string[]> {
    const missing = pads.findIndex((pad) => pad.isEmpty());
    if (missing >= 0) throw new MissingSignatureError(missing);
    const ids: string[] = [];
    for (const [index, pad] of pads.entries()) {
      let upload = uploads.get(pad);
      if (!upload || upload.revision !== pad.revision()) {
        upload = { revision: pad.revision(), id: newUuid(), stored: false };
        uploads.set(pad, upload);
      }
      if (!upload.stored) {
        progress?.(index + 1, pads.length);
        const blob = await pad.toBlob();
        if (!blob) throw new MissingSignatureError(index);
        await uploadPhoto(blob, upload.id, 'signature.png');
        upload.stored = true;
      }
      ids.push(upload.id);
    }
    return ids;
  };
}
