import type { Transform } from 'node:stream';
import { createBrotliDecompress, createGunzip, createInflate } from 'node:zlib';
import type { Request, Response } from 'restify';
import { writeProblem } from './api/http-io';
import { ApiProblem } from './api/api-problem';

/** The largest body (in bytes, after decoding) each kind of route reads; settings in bot/config.ts. */
export interface BodyLimits {
  /** The REST API (/api/v1) and Graph's notifications: small JSON documents. */
  apiBytes: number;
  /** POST /api/messages: Bot Framework activities as Teams sends them. */
  botBytes: number;
}

/** The defaults of API_MAX_BODY_BYTES and BOT_MAX_BODY_BYTES (bot/config.ts). */
export const DEFAULT_BODY_LIMITS: BodyLimits = { apiBytes: 512 * 1024, botBytes: 1024 * 1024 };

export const BOT_PATH = '/api/messages';
const NO_BODY = new Set(['GET', 'HEAD', 'DELETE', 'OPTIONS']);
const JSON_TYPE = /^application\/([a-z0-9.+-]+\+)?json$/;

function decoderFor(encoding: string): Transform | null | undefined {
  switch (encoding) {
    case '':
    case 'identity':
      return null;
    case 'gzip':
    case 'x-gzip':
      return createGunzip();
    case 'deflate':
      return createInflate();
    case 'br':
      return createBrotliDecompress();
    default:
      return undefined;
  }
}

function hasBody(req: Request): boolean {
  const length = req.headers['content-length'];
  return length !== undefined ? Number(length) > 0 : req.headers['transfer-encoding'] !== undefined;
}

/** Refuses the request and closes its connection, so a client still sending stops being read. */
function refuse(req: Request, res: Response, next: (error?: false) => void, problem: ApiProblem): void {
  res.setHeader('connection', 'close');
  writeProblem(res, problem);
  req.unpipe();
  req.resume();
  next(false);
}

/**
 * The only body reader of the server (restify's bodyParser is not used: it inflates a gzip body without
 * a limit and writes multipart uploads to the temp folder before any route authenticates). Only JSON is
 * accepted; gzip, deflate and br are decoded as a stream and the decoded bytes counted, so reading stops
 * at the limit (413). Nothing is written anywhere: the body lives in memory, at most `limit` bytes.
 */
export function readJsonBody(limits: BodyLimits) {
  return (req: Request, res: Response, next: (error?: false) => void): void => {
    if (NO_BODY.has(req.method ?? 'GET') || !hasBody(req)) {
      next();
      return;
    }
    const limit = req.path() === BOT_PATH ? limits.botBytes : limits.apiBytes;
    const type = (req.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase();
    if (!JSON_TYPE.test(type)) {
      refuse(
        req,
        res,
        next,
        new ApiProblem(
          415,
          'unsupported-media-type',
          'Unsupported media type',
          `this route accepts application/json bodies only, not ${type || 'a body without Content-Type'}`,
        ),
      );
      return;
    }
    const declared = Number(req.headers['content-length'] ?? 0);
    const tooLarge = new ApiProblem(
      413,
      'payload-too-large',
      'Request body too large',
      `the body may be at most ${limit} bytes (decoded)`,
    );
    if (declared > limit) {
      refuse(req, res, next, tooLarge);
      return;
    }
    const encoding = (req.headers['content-encoding'] ?? '').trim().toLowerCase();
    const decoder = decoderFor(encoding);
    if (decoder === undefined) {
      refuse(
        req,
        res,
        next,
        new ApiProblem(
          415,
          'unsupported-media-type',
          'Unsupported content encoding',
          `Content-Encoding ${encoding} is not supported (use gzip, deflate, br or none)`,
        ),
      );
      return;
    }
    const chunks: Buffer[] = [];
    let raw = 0;
    let decoded = 0;
    let finished = false;
    const finish = (problem?: ApiProblem): void => {
      if (finished) return;
      finished = true;
      if (problem) {
        decoder?.destroy();
        refuse(req, res, next, problem);
        return;
      }
      try {
        req.body = JSON.parse(Buffer.concat(chunks).toString('utf8'));
      } catch {
        refuse(req, res, next, new ApiProblem(400, 'validation', 'The request is not valid', 'the body is not valid JSON'));
        return;
      }
      next();
    };
    const take = (chunk: Buffer): void => {
      decoded += chunk.length;
      if (decoded > limit) finish(tooLarge);
      else chunks.push(chunk);
    };
    req.on('data', (chunk: Buffer) => {
      if (finished) return;
      raw += chunk.length;
      if (raw > limit) finish(tooLarge);
      else if (decoder) decoder.write(chunk);
      else take(chunk);
    });
    req.once('error', () => finish(new ApiProblem(400, 'validation', 'The request is not valid', 'the body could not be read')));
    if (decoder) {
      decoder.on('data', take);
      decoder.once('error', () =>
        finish(new ApiProblem(400, 'validation', 'The request is not valid', `the body is not valid ${encoding}`)),
      );
      decoder.once('end', () => finish());
      req.once('end', () => decoder.end());
    } else {
      req.once('end', () => finish());
    }
  };
}
