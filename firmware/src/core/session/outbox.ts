// Notification pacing. A full radio buffer drops a notification silently on Espruino, so the board's `send`
// reports "full" (false, or a throw) and the chunk waits here until the board calls drain(). The queue is
// bounded: a reply that does not fit is dropped whole, and the wallet repeats its request.
export interface Outbox {
  push(chunks: Uint8Array[]): void;
  drain(): void;
  size(): number;
  clear(): void;
}

export function createOutbox(send: (chunk: Uint8Array) => boolean, maxChunks: number): Outbox {
  const queue: Uint8Array[] = [];
  function drain(): void {
    while (queue.length > 0) {
      try {
        if (send(queue[0]!) === false) return;
      } catch {
        return;
      }
      queue.shift();
    }
  }
  return {
    push: function (chunks) {
      if (queue.length + chunks.length > maxChunks) return;
      for (let i = 0; i < chunks.length; i++) queue.push(chunks[i]!);
      drain();
    },
    drain: drain,
    size: function () {
      return queue.length;
    },
    clear: function () {
      queue.splice(0);
    },
  };
}
