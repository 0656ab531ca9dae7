// Asks before something that cannot be undone in one click. A modal dialog: the keyboard stays in it,
// Escape cancels, and the safe answer has the focus first.
import { h } from '../dom.js';

export function confirmAction({ title, text, confirm, danger = false }) {
  return new Promise(resolve => {
    const yes = h('button', { type: 'button', class: danger ? 'danger' : '', id: 'confirm-yes' }, confirm);
    const no = h('button', { type: 'button', class: 'secondary', id: 'confirm-no' }, 'Cancel');
    const dialog = h('dialog', { id: 'confirm-dialog', 'aria-labelledby': 'confirm-title', 'aria-describedby': 'confirm-text' },
      h('h2', { id: 'confirm-title' }, title),
      h('p', { id: 'confirm-text' }, text),
      h('div', { class: 'actions' }, yes, no));
    const opener = document.activeElement;
    const finish = answer => {
      dialog.close();
      dialog.remove();
      if (opener && opener.isConnected) opener.focus();
      resolve(answer);
    };
    yes.addEventListener('click', () => finish(true));
    no.addEventListener('click', () => finish(false));
    dialog.addEventListener('cancel', event => { event.preventDefault(); finish(false); });
    document.body.append(dialog);
    dialog.showModal();
    no.focus();
  });
}
