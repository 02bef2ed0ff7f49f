// Saving a file from an extension page without the downloads permission: a Blob URL on an
// <a download>, clicked. The URL is revoked later, not at once, because the browser reads it
// after the click returns.
export function downloadFile(doc: Document, name: string, content: string | Uint8Array<ArrayBuffer>, type: string): void {
  const view = doc.defaultView!;
  const url = view.URL.createObjectURL(new view.Blob([content], { type }));
  const a = doc.createElement('a');
  a.href = url;
  a.download = name;
  a.hidden = true;
  doc.body.append(a);
  a.click();
  a.remove();
  view.setTimeout(() => view.URL.revokeObjectURL(url), 60_000);
}
