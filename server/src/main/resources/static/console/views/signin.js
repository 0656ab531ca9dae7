// The sign-in page: user, password and project, as on OpenStack's dashboard.
import { h, put, uid } from '../dom.js';
import { signIn } from '../session.js';

export function showSignIn(main, { region, message, done }) {
  const ids = { user: uid('user'), password: uid('password'), project: uid('project'), error: uid('error') };
  const error = h('p', { id: ids.error, class: 'alert', role: 'alert' }, message && !message.startsWith('You are') ? message : '');
  const note = h('p', { class: 'notice', role: 'status' }, message && message.startsWith('You are') ? message : '');
  const user = h('input', { type: 'text', id: ids.user, name: 'user', autocomplete: 'username', required: true });
  const password = h('input', { type: 'password', id: ids.password, name: 'password', autocomplete: 'current-password', required: true });
  const project = h('input', { type: 'text', id: ids.project, name: 'project', 'aria-describedby': `${ids.project}-hint` });
  const submit = h('button', { type: 'submit', id: 'sign-in' }, 'Sign in');

  const form = h('form', { class: 'panel', novalidate: true, 'aria-describedby': ids.error },
    h('div', { class: 'field' }, h('label', { for: ids.user }, 'User name'), user),
    h('div', { class: 'field' }, h('label', { for: ids.password }, 'Password'), password),
    h('div', { class: 'field' }, h('label', { for: ids.project }, 'Project'), project,
      h('p', { class: 'hint', id: `${ids.project}-hint` }, 'Leave empty for your default project.')),
    h('div', { class: 'actions' }, submit));

  form.addEventListener('submit', async event => {
    event.preventDefault();
    error.textContent = '';
    note.textContent = '';
    if (!user.value.trim() || !password.value) {
      error.textContent = 'Give your user name and password.';
      (user.value.trim() ? password : user).focus();
      return;
    }
    submit.disabled = true;
    submit.textContent = 'Signing in…';
    try {
      await signIn(user.value.trim(), password.value, project.value.trim());
      done();
    } catch (failure) {
      error.textContent = failure.message;
      submit.disabled = false;
      submit.textContent = 'Sign in';
      password.select();
      password.focus();
    }
  });

  put(main, h('section', { class: 'sign-in', 'aria-labelledby': 'sign-in-title' },
    h('h1', { id: 'sign-in-title' }, `Sign in to ${region}`),
    h('p', { class: 'subtitle' }, 'Inter-site networks of this site and its peers. Your OpenStack (or demo) credentials.'),
    note, error, form));
  user.focus();
  return null;
}
