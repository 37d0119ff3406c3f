import { Transform, type Readable, type TransformCallback } from 'node:stream';

/**
 * Holds back the end of one outgoing message until `beforeEnd` resolved (issue 20). Per RFC 5321 (4.1.1.4, 3.3) a
 * server delivers only after the end-of-data terminator "<CRLF>.<CRLF>"; nodemailer writes it when the message
 * stream ends (smtp-connection/data-stream.js, `_flush`), and pipes the message only after DATA was answered with
 * 354 (smtp-connection `send`). So: wait until the message is read, run `beforeEnd` (commit the marker), then end.
 */
export class HeldEnd {
  /** The end was let go: from here on a broken connection may have delivered the mail. */
  released = false;
  private failed = false;

  constructor(private readonly beforeEnd: () => Promise<void>) {}

  /** nodemailer's last stage of the message (a `processFunc`): the message passes through, its end waits. */
  stage(input: Readable): Readable {
    const hold = this;
    const output = new Transform({
      transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback) {
        done(null, chunk);
      },
      flush(done: TransformCallback) {
        read
          // A turn of the event loop: a refused envelope makes nodemailer drain the message and fail at once.
          .then(() => new Promise((resolve) => setImmediate(resolve)))
          .then(() => (hold.failed ? undefined : hold.beforeEnd()))
          .then(
            () => {
              // Failed already: no end, and no error either (nodemailer reported the failure once; twice would throw).
              if (hold.failed) return void output.destroy();
              hold.released = true;
              done();
            },
            // An error instead of the end: nodemailer fails the send and drops the connection, nothing is delivered.
            (error: Error) => (hold.failed ? output.destroy() : done(error)),
          );
      },
    });
    // nodemailer pipes the message into the connection only once DATA was answered (354): then it "resumes".
    const read = new Promise<void>((resolve) => output.once('resume', () => resolve()));
    input.on('error', (error) => output.destroy(error));
    return input.pipe(output);
  }

  /** The send failed: if the end was still held it never goes out, and the mail was certainly not delivered. */
  fail(): void {
    this.failed = true;
  }
}
