// The REST API (/api/openapi.json), as the UI uses it.
export class ApiError extends Error {
  constructor(status, code, message) { super(message); this.status = status; this.code = code; }
}

export async function get(path, params = {}) {
  const qs = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== null && v !== '') qs.set(k, v);
  const url = `api/${path}${qs.toString() ? `?${qs}` : ''}`;
  const res = await fetch(url, { headers: { Accept: 'application/json' } });
  const body = await res.json().catch(() => null);
  if (!res.ok) {
    const e = body && body.error ? body.error : { code: 'http_error', message: res.statusText };
    throw new ApiError(res.status, e.code, e.message);
  }
  return body;
}

export async function post(path, body, token) {
  const res = await fetch(`api/${path}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...(token ? { Authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(body),
  });
  const out = await res.json().catch(() => null);
  if (!res.ok) {
    const e = out && out.error ? out.error : { code: 'http_error', message: res.statusText };
    throw new ApiError(res.status, e.code, e.message);
  }
  return out;
}
