/**
 * Per-slot scratch of the programmes (who was served, the year's ages and diagnoses...) for the
 * block of slots a simulation is running. The runner simulates one block of slots at a time
 * and a programme's per-slot state lives only as long as the block's run, so each array takes
 * memory for the block, not for the population: it is a view shifted down by the block's first
 * slot on a buffer whose lower part is never touched (zero pages the system hands out only when
 * written), so code indexes it by the population's slot.
 */

type SlotArray = Uint8Array | Int32Array | Float32Array | Float64Array;
type SlotArrayOf<T extends SlotArray> = {
  new (buffer: ArrayBuffer, byteOffset: number, length: number): T;
  readonly BYTES_PER_ELEMENT: number;
};

export class SlotWindow<T extends SlotArray> {
  private buffer: ArrayBuffer | null = null;
  private capacity = 0;
  private slots = 0;

  constructor(private readonly View: SlotArrayOf<T>) {}

  /**
   * The array for slots [start, end) of a population of `capacity` slots: zeroed when it had to
   * be made (first use, a larger block or population); otherwise it holds what was last written
   * at those offsets, which the caller resets as a new block requires.
   */
  view(capacity: number, start: number, end: number): T {
    const size = this.View.BYTES_PER_ELEMENT;
    if (this.buffer === null || capacity > this.capacity || end - start > this.slots) {
      this.capacity = Math.max(capacity, this.capacity);
      this.slots = Math.max(end - start, this.slots);
      this.buffer = new ArrayBuffer((this.capacity + this.slots) * size);
    }
    return new this.View(this.buffer, (this.capacity - start) * size, end);
  }
}
