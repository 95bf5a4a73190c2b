/**
 * Multipart POSTs (CSV uploads) through XMLHttpRequest, because fetch cannot report upload progress. Same
 * session, refresh-once and ApiError rules as the typed client; the answer is typed from the document.
 */
import { ApiError, networkError } from '@/lib/api/api-error';
import { authHeaders, endSession, refreshSession } from '@/lib/api/session';
import type { paths } from '@/types/api.generated';

type UploadPath = '/api/sms/bulk' | '/api/sms/opt-outs/import';
type Answer<P extends UploadPath> = paths[P]['post']['responses'] extends infer R
  ? R extends { 200: { content: { 'application/json': infer B } } }
    ? B
    : R extends { 201: { content: { 'application/json': infer B } } }
      ? B
      : never
  : never;

export interface UploadOptions {
  onProgress?: (fraction: number) => void;
  signal?: AbortSignal;
}

interface RawAnswer {
  status: number;
  statusText: string;
  body: unknown;
}

function sendOnce(path: UploadPath, form: FormData, options: UploadOptions): Promise<RawAnswer> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', path);
    xhr.setRequestHeader('Accept', 'application/json');
    for (const [key, value] of Object.entries(authHeaders())) xhr.setRequestHeader(key, value);
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable) options.onProgress?.(event.loaded / event.total);
    };
    xhr.upload.onload = () => options.onProgress?.(1);
    xhr.onload = () => {
      let body: unknown = xhr.responseText;
      try {
        body = xhr.responseText ? JSON.parse(xhr.responseText) : null;
      } catch {
        // a non-JSON body (proxy error page) stays text
      }
      resolve({ status: xhr.status, statusText: xhr.statusText, body });
    };
    xhr.onerror = () => reject(networkError('The upload was interrupted. Check your connection and try again.'));
    xhr.onabort = () => reject(new DOMException('Upload aborted', 'AbortError'));
    options.signal?.addEventListener('abort', () => xhr.abort(), { once: true });
    xhr.send(form);
  });
}

export async function upload<P extends UploadPath>(
  path: P,
  form: FormData,
  options: UploadOptions = {},
): Promise<Answer<P>> {
  let res = await sendOnce(path, form, options);
  if (res.status === 401) {
    if (!(await refreshSession())) {
      endSession();
      throw ApiError.fromBody(res.status, res.statusText, res.body);
    }
    options.onProgress?.(0);
    res = await sendOnce(path, form, options);
  }
  if (res.status < 200 || res.status >= 300) throw ApiError.fromBody(res.status, res.statusText, res.body);
  return res.body as Answer<P>;
}
