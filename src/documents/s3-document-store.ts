import { randomUUID } from 'node:crypto';
import type { Readable } from 'node:stream';
import {
  CopyObjectCommand,
  DeleteObjectCommand,
  GetObjectCommand,
  ListObjectsV2Command,
  NoSuchKey,
  S3Client,
} from '@aws-sdk/client-s3';
import { Upload } from '@aws-sdk/lib-storage';
import type { S3Settings } from '../config/config';
import {
  ContentMissing,
  DocumentStore,
  SHA256_HEX,
  type ByteRange,
  type StoredObject,
} from './document-store';

const TEMPORARY = 'tmp/';
const CONTENT = 'sha256/';
/** Parts of 8 MiB, four in flight: what one upload holds in memory is bounded (~32 MiB). */
const PART_SIZE = 8 * 1024 * 1024;
const PARTS_IN_FLIGHT = 4;

/**
 * Content in an S3 bucket (AWS, MinIO, any S3-compatible server): streamed in as a multipart
 * upload (`@aws-sdk/lib-storage`) under `tmp/<uuid>`, then copied under `sha256/<hash>` and the
 * temporary object deleted. A failed upload aborts its parts (`leavePartsOnError: false`).
 */
export class S3DocumentStore extends DocumentStore {
  readonly client: S3Client;

  constructor(private readonly settings: S3Settings) {
    super();
    this.client = new S3Client({
      region: settings.region,
      forcePathStyle: settings.forcePathStyle,
      ...(settings.endpoint ? { endpoint: settings.endpoint } : {}),
      ...(settings.accessKeyId && settings.secretAccessKey
        ? {
            credentials: {
              accessKeyId: settings.accessKeyId,
              secretAccessKey: settings.secretAccessKey,
            },
          }
        : {}),
      maxAttempts: 2,
      requestHandler: { connectionTimeout: 5000, requestTimeout: 60000 },
    });
  }

  private get bucket(): string {
    return this.settings.bucket;
  }

  async writeTemporary(content: Readable): Promise<string> {
    const name = randomUUID();
    const upload = new Upload({
      client: this.client,
      params: { Bucket: this.bucket, Key: TEMPORARY + name, Body: content },
      partSize: PART_SIZE,
      queueSize: PARTS_IN_FLIGHT,
      leavePartsOnError: false,
    });
    // The source failing (a refused upload) must end the upload too, with the source's error.
    const failed = new Promise<never>((_, reject) => content.once('error', reject));
    failed.catch(() => undefined);
    try {
      await Promise.race([upload.done(), failed]);
    } catch (error) {
      await upload.abort().catch(() => undefined);
      await this.remove({ kind: 'temporary', name }).catch(() => undefined);
      throw error;
    }
    return name;
  }

  async promote(temporary: string, sha256: string): Promise<void> {
    await this.client.send(
      new CopyObjectCommand({
        Bucket: this.bucket,
        CopySource: `${this.bucket}/${TEMPORARY}${temporary}`,
        Key: CONTENT + sha256,
      }),
    );
    await this.remove({ kind: 'temporary', name: temporary });
  }

  async read(sha256: string, range?: ByteRange): Promise<Readable> {
    try {
      const answer = await this.client.send(
        new GetObjectCommand({
          Bucket: this.bucket,
          Key: CONTENT + sha256,
          ...(range ? { Range: `bytes=${range.start}-${range.end}` } : {}),
        }),
      );
      return answer.Body as Readable;
    } catch (error) {
      if (error instanceof NoSuchKey) throw new ContentMissing(sha256);
      throw error;
    }
  }

  async *list(): AsyncIterable<StoredObject> {
    for (const [prefix, kind] of [
      [TEMPORARY, 'temporary'],
      [CONTENT, 'content'],
    ] as const) {
      let token: string | undefined;
      do {
        const page = await this.client.send(
          new ListObjectsV2Command({
            Bucket: this.bucket,
            Prefix: prefix,
            ContinuationToken: token,
          }),
        );
        for (const object of page.Contents ?? []) {
          const name = object.Key!.slice(prefix.length);
          if (kind === 'content' && !SHA256_HEX.test(name)) continue;
          yield { kind, name, modifiedAt: object.LastModified ?? new Date(0) };
        }
        token = page.IsTruncated ? page.NextContinuationToken : undefined;
      } while (token);
    }
  }

  async remove(object: Pick<StoredObject, 'kind' | 'name'>): Promise<void> {
    await this.client.send(
      new DeleteObjectCommand({
        Bucket: this.bucket,
        Key: (object.kind === 'content' ? CONTENT : TEMPORARY) + object.name,
      }),
    );
  }
}
