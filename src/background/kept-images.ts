// The images a draft brought, made ready to store: decoded, their type read from their bytes,
// hashed. A content script lives in a web page, so nothing it sends is taken on trust: an entry
// that is not base64, not a raster picture, or over the limits is dropped and counted, and the
// save notice says how many images are missing.
import type { KeptImages } from '../platform/article-store';
import { IMAGE_LIMITS, fromBase64, sha256Hex, sniffImageType, type DraftImage, type ImageRef, type StoredImage } from '../shared/saved-images';

export interface Prepared extends KeptImages {
  /** Entries dropped here. */
  rejected: number;
}

export async function prepareImages(images: readonly DraftImage[]): Promise<Prepared> {
  const refs: ImageRef[] = [];
  const byHash = new Map<string, StoredImage>();
  const seen = new Set<string>();
  let total = 0;
  let rejected = 0;
  for (const image of images) {
    const bytes = fromBase64(image.data);
    const type = bytes ? sniffImageType(bytes) : null;
    if (!bytes || !type || seen.has(image.url) || bytes.length > IMAGE_LIMITS.perImageBytes || total + bytes.length > IMAGE_LIMITS.perArticleBytes) {
      rejected++;
      continue;
    }
    const hash = await sha256Hex(bytes);
    seen.add(image.url);
    refs.push({ url: image.url, hash, type, bytes: bytes.length });
    if (!byHash.has(hash)) {
      byHash.set(hash, { hash, type, data: bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.length) as ArrayBuffer });
      total += bytes.length;
    }
  }
  return { refs, images: [...byHash.values()], rejected };
}
