// The library page's one toast: what just happened ("Deleted …", or an error), with Undo when
// there is something to undo. It hides itself after UNDO_MS, the time the undo stays offered.
import type { Chrome } from './library-view';

const UNDO_MS = 20_000;

export class Toast {
  private timer = 0;

  constructor(
    private readonly ui: Pick<Chrome, 'toast' | 'toastText' | 'undo'>,
    private readonly view: Window,
  ) {}

  show(text: string, withUndo: boolean): void {
    this.ui.toastText.textContent = text;
    this.ui.undo.hidden = !withUndo;
    this.ui.toast.hidden = false;
    this.view.clearTimeout(this.timer);
    this.timer = this.view.setTimeout(() => this.hide(), UNDO_MS);
  }

  hide(): void {
    this.ui.toast.hidden = true;
  }
}
