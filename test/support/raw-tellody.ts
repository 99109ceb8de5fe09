/** A bare Tellody session over fetch, to send the sandbox exactly what a test wants (including wrong things). */
export function rawSession(baseUrl: string) {
  let cookie = '';
  const remember = (res: Response) => {
    const set = res.headers.getSetCookie()[0];
    if (set) cookie = set.split(';')[0] ?? '';
  };
  const send = async (path: string, init: RequestInit & { token?: string } = {}) => {
    const headers = new Headers(init.headers);
    if (cookie) headers.set('Cookie', cookie);
    if (init.token !== undefined) headers.set('X-XSRF-TOKEN', init.token);
    const res = await fetch(new URL(path, baseUrl), { ...init, headers });
    remember(res);
    const text = await res.text();
    return { status: res.status, headers: res.headers, body: text ? (JSON.parse(text) as unknown) : null };
  };
  const ping = async () => (await send('RememberMeController/ping')).headers.get('X-XSRF-TOKEN') ?? '';
  return {
    send,
    ping,
    async login(username = 'demo', password = 'demo') {
      const body = new URLSearchParams({ username, password, 'remember-me': 'false' });
      const token = await ping();
      const headers = { 'Content-Type': 'application/x-www-form-urlencoded' };
      return send('login', { method: 'POST', body, headers, token });
    },
    async chart(body: unknown, token?: string) {
      const headers = { 'Content-Type': 'application/json' };
      const json = typeof body === 'string' ? body : JSON.stringify(body);
      return send('Report/ContactChart', { method: 'POST', body: json, headers, token: token ?? (await ping()) });
    },
  };
}
