// font-files: the shipped reading fonts the overlay asked for (content/reader-fonts.ts), read out
// of the package and sent as base64 (messages carry JSON in Chrome). The message's check lets
// only the font files' own names through.
import { failFrom, ok } from '../../platform/messages';
import { handler } from '../handler';

function base64(buffer: ArrayBuffer): string {
  const bytes = new Uint8Array(buffer);
  let binary = '';
  // In slices: String.fromCharCode takes its bytes as arguments, and a whole font is too many.
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

export default handler('font-files', async (m, ctx) => {
  try {
    const read = await Promise.all(m.files.map(async (file) => [file, base64(await ctx.packagedFile(`fonts/${file}`))] as const));
    return ok(Object.fromEntries(read));
  } catch (err) {
    return failFrom(err);
  }
});
