import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { pipeline } from 'node:stream/promises';
import busboy from 'busboy';
import type { IncomingMessage } from 'node:http';
import { AppError, AppErrorCode } from 'src/core/errors/app-error';

export interface SpooledUpload {
  /** The uploaded file on disk (streamed there, never held in memory). */
  filePath: string | null;
  fileName: string | null;
  fields: Record<string, string>;
  cleanup(): Promise<void>;
}

/**
 * Streams a multipart upload: the `file` part goes to a temporary file (size-limited), the other parts
 * are small text fields. The file can come before the fields that say how to read it.
 */
export async function spoolMultipart(req: IncomingMessage, maxBytes: number): Promise<SpooledUpload> {
  if (!req.headers['content-type']?.startsWith('multipart/form-data')) {
    throw new AppError(
      AppErrorCode.VALIDATION,
      'Send multipart/form-data with a `file` part (the CSV) and a `message` field',
      [{ field: 'file', message: 'missing' }],
    );
  }
  const dir = await fs.promises.mkdtemp(path.join(os.tmpdir(), 'loctelli-upload-'));
  const upload: SpooledUpload = {
    filePath: null,
    fileName: null,
    fields: {},
    cleanup: () => fs.promises.rm(dir, { recursive: true, force: true }),
  };
  try {
    await new Promise<void>((resolve, reject) => {
      const bb = busboy({
        headers: req.headers,
        limits: { fileSize: maxBytes, files: 1, fields: 20, fieldSize: 64 * 1024 },
      });
      const writes: Promise<void>[] = [];
      let tooLarge = false;
      let extraFile = false;
      bb.on('filesLimit', () => (extraFile = true));
      bb.on('file', (name, stream, info) => {
        if (name !== 'file') {
          stream.resume();
          return;
        }
        upload.filePath = path.join(dir, randomUUID());
        upload.fileName = info.filename ?? null;
        stream.on('limit', () => (tooLarge = true));
        writes.push(pipeline(stream, fs.createWriteStream(upload.filePath)));
      });
      bb.on('field', (name, value) => (upload.fields[name] = value));
      bb.on('error', reject);
      bb.on('close', () => {
        Promise.all(writes)
          .then(() => {
            if (tooLarge) reject(tooLargeError(maxBytes));
            else if (extraFile) reject(AppError.validation('file', 'send exactly one file part per upload'));
            else resolve();
          })
          .catch(reject);
      });
      req.pipe(bb);
    });
  } catch (e) {
    await upload.cleanup();
    throw e instanceof AppError
      ? e
      : new AppError(AppErrorCode.VALIDATION, `Could not read the upload: ${(e as Error).message}`);
  }
  return upload;
}

function tooLargeError(maxBytes: number): AppError {
  return new AppError(
    AppErrorCode.PAYLOAD_TOO_LARGE,
    `The file is larger than ${Math.round(maxBytes / 1024 / 1024)} MB (SMS_MAX_UPLOAD_MB): split it into smaller files`,
    [{ field: 'file', message: 'too large' }],
  );
}
