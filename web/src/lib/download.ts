/**
 * A file the server makes for the signed-in user (the Excel exports): asked
 * for with the same bearer token as GraphQL, saved through a blob link. A
 * refusal comes back as JSON with a code and a message, never as a file.
 */
export async function downloadFile(url: string, token: string | null, fileName: string): Promise<{ ok: true } | { ok: false; message: string }> {
  const res = await fetch(url, { headers: token ? { authorization: `Bearer ${token}` } : {} });
  if (!res.ok) {
    const body = (await res.json().catch(() => ({}))) as { code?: string; message?: string };
    return { ok: false, message: body.message ?? body.code ?? String(res.status) };
  }
  const href = URL.createObjectURL(await res.blob());
  const a = document.createElement('a');
  a.href = href;
  a.download = fileName;
  a.click();
  URL.revokeObjectURL(href);
  return { ok: true };
}

/**
 * `/export/<list>.xlsx` with the screen's own query variables: objects (the
 * filter) as JSON, the rest as written; empty ones left out, as GraphQL
 * would treat them.
 */
export function exportUrl(list: string, variables: Record<string, unknown>): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(variables)) {
    if (v === null || v === undefined || v === '') continue;
    params.set(k, typeof v === 'object' ? JSON.stringify(v) : String(v));
  }
  const q = params.toString();
  return `/export/${list}.xlsx${q ? `?${q}` : ''}`;
}
