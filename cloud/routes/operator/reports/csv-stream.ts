/** Spreadsheet programs read a UTF-8 file as their locale's code page unless it starts with a byte-order mark. */
const BOM = '\uFEFF';

/** Pulls one page of CSV per read, so a slow client holds back the database reads instead of piling them up. */
export function csvStream(chunks: Generator<string, void, undefined>): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  let first = true;
  return new ReadableStream({
    pull(controller) {
      const next = chunks.next();
      if (next.done) controller.close();
      else controller.enqueue(encoder.encode(first ? BOM + next.value : next.value));
      first = false;
    },
    cancel() {
      chunks.return(undefined);
    },
  });
}
