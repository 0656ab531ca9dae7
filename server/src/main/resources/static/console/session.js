// The signed-in user's token, kept in sessionStorage: it lives as long as the browser tab, is not sent
// by the browser on its own (unlike a cookie), and goes only into the X-Auth-Token of this site's API calls.

const KEY = 'diminet.session';

export function current() {
  try {
    const stored = JSON.parse(sessionStorage.getItem(KEY) || 'null');
    if (stored && stored.expiresAt && Date.parse(stored.expiresAt) <= Date.now()) {
      sessionStorage.removeItem(KEY);
      return null;
    }
    return stored;
  } catch {
    return null;
  }
}

export function token() {
  const session = current();
  return session ? session.token : null;
}

/**
 * Signs in as Horizon does: user, password and project, as Keystone's password authentication. The
 * site answers it itself (embedded identity) or passes it to its Keystone; either way the call goes to
 * this site only. Resolves to the session, or rejects with a message for the form.
 */
export async function signIn(user, password, project) {
  const auth = {
    identity: {
      methods: ['password'],
      password: { user: { name: user, domain: { id: 'default' }, password } },
    },
  };
  if (project) auth.scope = { project: { name: project, domain: { id: 'default' } } };
  let response;
  try {
    response = await fetch('/v3/auth/tokens', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
      body: JSON.stringify({ auth }),
      cache: 'no-store',
    });
  } catch {
    throw new Error('This site did not answer. Is it running?');
  }
  if (response.status === 401) throw new Error('The user name, password or project is not right.');
  if (!response.ok) {
    const body = await response.json().catch(() => null);
    const message = body && body.error && body.error.message;
    throw new Error(`Sign-in failed (HTTP ${response.status})${message ? `: ${message}` : '.'}`);
  }
  const body = await response.json();
  const info = body.token || {};
  const session = {
    token: response.headers.get('X-Subject-Token'),
    user: info.user ? info.user.name : user,
    project: info.project ? info.project.name : project,
    projectId: info.project ? info.project.id : null,
    admin: (info.roles || []).some(role => role.name === 'admin'),
    expiresAt: info.expires_at || null,
  };
  if (!session.token) throw new Error('The site answered without a token.');
  sessionStorage.setItem(KEY, JSON.stringify(session));
  return session;
}

/** Signs out: the token is revoked where the site can (embedded identity) and forgotten here either way. */
export async function signOut() {
  const session = current();
  sessionStorage.removeItem(KEY);
  if (!session) return;
  try {
    await fetch('/v3/auth/tokens', {
      method: 'DELETE',
      headers: { 'X-Auth-Token': session.token, 'X-Subject-Token': session.token },
      cache: 'no-store',
    });
  } catch {
    // Forgotten here is what matters; the token also expires on its own.
  }
}

/** The site refused the token (expired, revoked): forget it so the console asks to sign in again. */
export function forget() {
  sessionStorage.removeItem(KEY);
}
