import { MessageChannel, receiveMessageOnPort, type MessagePort } from 'node:worker_threads';
import type { SafeStorageLike } from '../db/keys.js';

/**
 * Electron's safeStorage exists only in the main process, but the register
 * (and so the signing key) lives in the register worker, and a lock is signed
 * inside a synchronous SQLite transaction. The worker therefore asks the main
 * process synchronously: it posts the request, sleeps on a shared flag with
 * Atomics.wait, and takes the answer with receiveMessageOnPort. The main
 * process's event loop is never blocked by this, so it can always answer.
 */
export interface SafeStorageLink {
  /** Handed to the worker (in its transfer list). */
  port: MessagePort;
  /** Set to 1 by the main process once its answer is posted. */
  signal: SharedArrayBuffer;
}

type Request = { op: 'available' } | { op: 'encrypt'; text: string } | { op: 'decrypt'; bytes: Uint8Array };
type Answer = { ok: true; value: boolean | Uint8Array | string } | { ok: false; error: string };

/** How long the worker waits for the main process before it gives up on the keychain. */
const ANSWER_TIMEOUT_MS = 30_000;

/** Main process: answers the worker's keychain requests with the real safeStorage. */
export function serveSafeStorage(safeStorage: SafeStorageLike): SafeStorageLink {
  const { port1, port2 } = new MessageChannel();
  const signal = new SharedArrayBuffer(4);
  const flag = new Int32Array(signal);
  port1.on('message', (request: Request) => {
    port1.postMessage(answer(safeStorage, request));
    Atomics.store(flag, 0, 1);
    Atomics.notify(flag, 0);
  });
  // The worker may be idle for hours between locks: this port must not keep the app alive on its own.
  port1.unref();
  return { port: port2, signal };
}

function answer(safeStorage: SafeStorageLike, request: Request): Answer {
  try {
    if (request.op === 'available') return { ok: true, value: safeStorage.isEncryptionAvailable() };
    if (request.op === 'encrypt') return { ok: true, value: new Uint8Array(safeStorage.encryptString(request.text)) };
    return { ok: true, value: safeStorage.decryptString(Buffer.from(request.bytes)) };
  } catch (error) {
    return { ok: false, error: error instanceof Error ? error.message : String(error) };
  }
}

/** Worker: a synchronous safeStorage that forwards each call to the main process. */
export function bridgedSafeStorage(link: SafeStorageLink): SafeStorageLike {
  const flag = new Int32Array(link.signal);
  const ask = (request: Request): boolean | Uint8Array | string => {
    Atomics.store(flag, 0, 0);
    link.port.postMessage(request);
    if (Atomics.wait(flag, 0, 0, ANSWER_TIMEOUT_MS) === 'timed-out') throw new Error("the operating system's keychain did not answer");
    const received = receiveMessageOnPort(link.port);
    if (!received) throw new Error("the operating system's keychain gave no answer");
    const reply = received.message as Answer;
    if (!reply.ok) throw new Error(reply.error);
    return reply.value;
  };
  return {
    isEncryptionAvailable: () => ask({ op: 'available' }) === true,
    encryptString: (text) => Buffer.from(ask({ op: 'encrypt', text }) as Uint8Array),
    decryptString: (bytes) => ask({ op: 'decrypt', bytes: new Uint8Array(bytes) }) as string,
  };
}
