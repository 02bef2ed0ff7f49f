// Tables rebuilt into the one shape Turndown's GFM plugin converts: a <thead> holding the header
// row, then one <tbody> with every other row. The plugin reads `table.rows[0]` and throws when a
// table has none (every Markdown output failed on `<table></table>`), and it writes any table
// whose first row it does not take for a header as raw <table> HTML (an empty <thead>, rows only
// in a <tfoot> or in a second <tbody>). A table without a header row gets an empty one, since
// GFM requires it; a table without rows leaves only its caption, as a paragraph.

function isHeader(row: HTMLTableRowElement): boolean {
  if (row.parentElement?.localName === 'thead') return true;
  return row.cells.length > 0 && Array.from(row.cells).every((c) => c.localName === 'th');
}

function columns(row: HTMLTableRowElement): number {
  return Math.max(1, Array.from(row.cells).reduce((n, c) => n + Math.max(1, Number(c.getAttribute('colspan')) || 1), 0));
}

/** Rebuilds every table under `root` in place (call it on a copy). */
export function normalizeTables(root: DocumentFragment | Element): void {
  for (const table of Array.from(root.querySelectorAll('table'))) {
    const doc = table.ownerDocument;
    // `rows` are the table's own (thead, tbodies, tfoot, direct), never a nested table's.
    const rows = Array.from(table.rows);
    const caption = table.caption;
    if (rows.length === 0) {
      if (caption) {
        const p = doc.createElement('p');
        p.append(...Array.from(caption.childNodes));
        table.replaceWith(p);
      } else table.remove();
      continue;
    }
    let header = rows[0]!;
    if (!isHeader(header)) {
      header = doc.createElement('tr');
      for (let i = 0; i < columns(rows[0]!); i++) header.appendChild(doc.createElement('th'));
    }
    const thead = doc.createElement('thead');
    thead.append(header);
    const tbody = doc.createElement('tbody');
    tbody.append(...rows.filter((r) => r !== header));
    table.replaceChildren(...(caption ? [caption] : []), thead, tbody);
  }
}
