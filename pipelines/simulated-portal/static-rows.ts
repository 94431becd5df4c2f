// Renders each initiative's unchanging CSV columns once into shared memory, so snapshot rows become a copy plus a short tail.
import type { InitiativeRenderer } from './initiative-rows.ts';

export interface StaticRows {
	bytes: Uint8Array;
	/** offsets[i] … offsets[i + 1]: initiative i's bytes. */
	offsets: Float64Array;
}

/** Builds the cache in SharedArrayBuffers (pages are touched only as they are written). */
export function buildStaticRows(renderer: InitiativeRenderer): StaticRows {
	const count = renderer.population.count;
	// Generous: untouched pages of a SharedArrayBuffer are never made resident, and growing would copy.
	let capacity = count * 560 + 4096;
	let bytes = new Uint8Array(new SharedArrayBuffer(capacity));
	let view = Buffer.from(bytes.buffer, 0, capacity);
	const offsets = new Float64Array(new SharedArrayBuffer((count + 1) * 8));
	let offset = 0;
	for (let i = 0; i < count; i++) {
		const text = renderer.staticCsv(i);
		if (offset + text.length * 3 > capacity) {
			capacity = Math.ceil(capacity * 1.4);
			const grown = new Uint8Array(new SharedArrayBuffer(capacity));
			grown.set(bytes.subarray(0, offset));
			bytes = grown;
			view = Buffer.from(bytes.buffer, 0, capacity);
		}
		offsets[i] = offset;
		offset += view.write(text, offset, 'utf8');
	}
	offsets[count] = offset;
	return { bytes, offsets };
}
