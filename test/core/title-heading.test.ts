// The reader shows the title in its header, so the article's own heading that repeats it is taken
// out. Readability does this only for titles in Latin letters (it splits words on \W, which in
// JavaScript is every letter outside A–Z); a Russian, Greek or Japanese page showed its title twice.
import { describe, expect, it } from 'vitest';
import { extractArticle } from '../../src/core/index';
import { BASE, page } from './page';

const para = (text: string) => `<p>${text}</p>`;
const RUSSIAN = [
  'Сорок лет маленький паром пересекал эстуарий каждые полчаса, с шести утра до полуночи, и за всё это время пропустил лишь одиннадцать дней.',
  'Когда округ предложил построить мост, команда парома не спорила. Они продолжали ходить и вели тетрадь, в которую записывали пассажиров.',
  'Тетрадь, теперь уже восемь томов, хранится в городской библиотеке. Волонтёры перепечатывают её, чтобы по ней можно было искать.',
].map(para).join('');
const GREEK = [
  'Για σαράντα χρόνια το μικρό πλοίο διέσχιζε τις εκβολές κάθε μισή ώρα, από τις έξι το πρωί μέχρι τα μεσάνυχτα, και έχασε μόνο έντεκα μέρες.',
  'Όταν ο δήμος πρότεινε μια γέφυρα, το πλήρωμα δεν διαφώνησε. Συνέχισαν να ταξιδεύουν και κρατούσαν ένα τετράδιο με κάθε επιβάτη της γραμμής.',
  'Το τετράδιο, οκτώ τόμοι πια, βρίσκεται στη δημοτική βιβλιοθήκη. Εθελοντές το δακτυλογραφούν ώστε να μπορεί κανείς να το αναζητήσει.',
].map(para).join('');

function headings(title: string, body: string, lang: string, h1 = title): { text: string; headings: string[] } {
  const doc = page(`<header><nav><a href="/">Home</a></nav></header><article><h1>${h1}</h1>${body}</article>`, `<title>${title} — Вестник</title>`);
  doc.documentElement.lang = lang;
  const result = extractArticle(doc, BASE);
  if (!result.ok) throw new Error(result.message);
  return { text: result.article.text, headings: Array.from(result.content.querySelectorAll('h1, h2'), (h) => h.textContent!.trim()) };
}

describe('the heading that repeats the title', () => {
  it('is taken out of a Russian and a Greek article, as Readability takes it out of an English one', () => {
    for (const [title, body, lang] of [['Паром, который не останавливался', RUSSIAN, 'ru'], ['Το πλοίο που δεν σταμάτησε ποτέ', GREEK, 'el']] as const) {
      const shown = headings(title, body, lang);
      expect(shown.headings, lang).toEqual([]);
      expect(shown.text.startsWith(title), lang).toBe(false);
    }
    expect(headings('The ferry that kept running', RUSSIAN, 'en').headings).toEqual([]);
  });

  it('stays when it is another heading than the title', () => {
    const shown = headings('Паром, который не останавливался', RUSSIAN, 'ru', 'История переправы через эстуарий');
    expect(shown.headings).toEqual(['История переправы через эстуарий']);
  });
});
